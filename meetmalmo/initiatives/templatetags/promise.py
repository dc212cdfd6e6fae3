"""The decision of a case as staff read it beside the clock: when it was decided, the days it
took, and whether the promise of 21 days was kept."""

from django import template

from meetmalmo.initiatives import selectors

register = template.Library()


@register.inclusion_tag("initiatives/staff/decision.html")
def decision(initiative):
    return {
        "decided_at": initiative.decided_at,
        "days": selectors.decision_days(initiative),
        "outcome": selectors.case_promise(initiative),
    }
