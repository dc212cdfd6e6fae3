from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.groups.models import WorkingGroup
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State


def forming_group(process_manager=None, **initiative) -> WorkingGroup:
    """A group as the workflow opens it: adopted, then a process manager starts forming it."""
    process_manager = process_manager or ProcessManagerFactory()
    case = InitiativeFactory(state=State.ADOPTED, **initiative)
    perform_transition(initiative=case, name="form_group", actor=process_manager)
    return WorkingGroup.objects.get(initiative=case)
