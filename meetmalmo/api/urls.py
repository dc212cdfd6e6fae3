"""The pages about open data are in each language (`urlpatterns`, under the language prefix);
the files have one address for every language (`files`), as has the API itself
(`meetmalmo.api.api`), since their content has none."""

from django.urls import path

from meetmalmo.api import views

app_name = "api"

urlpatterns = [
    path("open-data/", views.index, name="open_data"),
    path("open-data/api/", views.docs, name="docs"),
]

files = (
    [
        path("open-data/catalog.rdf", views.catalog, name="catalog"),
        path("open-data/<slug:key>.csv", views.download, name="download"),
    ],
    "open_data",
)
