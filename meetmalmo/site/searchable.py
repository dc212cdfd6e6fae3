"""The site's own pages as the public search reads them: the page's main content as plain text
in one language, without the layout every page shares (which needs a request and the static
files to render)."""

from django.template import Context
from django.template.loader import get_template
from django.template.loader_tags import ExtendsNode
from django.utils import translation
from django.utils.html import strip_tags


def _block(name: str, template_name: str) -> str:
    template = get_template(template_name).template
    extends = next(node for node in template.nodelist if isinstance(node, ExtendsNode))
    context = Context({})
    with context.bind_template(template):
        return extends.blocks[name].render(context)


def how_it_works_text(language: str) -> tuple[str, str]:
    with translation.override(language):
        title = strip_tags(_block("head_title", "site/how_it_works.html"))
        body = strip_tags(_block("content", "site/how_it_works.html"))
    return " ".join(title.split()), " ".join(body.split())
