"""A GIN index on the expression Wagtail's PostgreSQL search backend matches against,
`title || body` of wagtailsearch_indexentry (modelsearch 1.3's
PostgresSearchQueryCompiler.search, checked with Wagtail 7.4): its own indexes cover
title and body apart, so without this every search read the whole table. Nothing on
other databases."""

from django.db import migrations

INDEX_NAME = "wagtailsearch_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_page_noindex"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
