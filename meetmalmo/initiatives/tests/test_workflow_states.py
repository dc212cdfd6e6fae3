"""The groups of states other code asks about are read off the workflow's moves, and name the
states SPEC §4 means."""

from meetmalmo.initiatives.workflow import BROUGHT_TO_LIFE_STATES, OPEN_STATES, State


def test_a_decision_is_pending_from_submission_until_a_process_manager_decides():
    assert set(OPEN_STATES) == {State.SUBMITTED, State.IN_REVIEW}


def test_brought_to_life_is_everything_from_adoption_on():
    assert set(BROUGHT_TO_LIFE_STATES) == {
        State.ADOPTED,
        State.GROUP_FORMING,
        State.ACTIVE,
        State.COMPLETED,
        State.DISCONTINUED,
    }
