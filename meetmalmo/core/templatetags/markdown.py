from django import template

from meetmalmo.core.markdown import render

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    return render(text)
