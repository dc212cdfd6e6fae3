"""What a working group tells the apps above it, which it does not know."""

from django.dispatch import Signal

# Sent with `initiative_id` when the group's work moves on (a milestone planned, an update
# posted), inside the change's transaction. The public project page orders by it.
work_moved_on = Signal()
