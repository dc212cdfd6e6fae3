"""Facts the accessibility statement states, kept in one place so that a review of the statement
is a change of this file: when it was last reviewed, when it will be next, and where to complain.
"""

from datetime import date

# The day the statement was first prepared.
FIRST_PREPARED = date(2026, 11, 23)
# The day the statement and the assessment behind it were last reviewed. Move it on at every
# review, together with the list of known gaps in the template.
REVIEWED = date(2026, 12, 2)
# How many addresses the automated sweep opens (core/tests/browser/test_every_page.py), each as
# every person who may open it, at two widths and in two languages; a test keeps it true.
PAGES_TESTED = 105
# By then the known gaps are fixed or their plan is updated; the statement is reviewed at least
# once a year.
NEXT_REVIEW = date(2027, 6, 1)

# The supervisory authority's form for reporting a lack of accessibility.
DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan"
DIGG_URL = "https://www.digg.se/"
WCAG_URL = "https://www.w3.org/TR/WCAG21/"
