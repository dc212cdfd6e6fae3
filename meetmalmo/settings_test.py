"""Test settings: the real settings with fast, isolated stand-ins for cache, hashing and tasks."""

from meetmalmo.env import env_bool
from meetmalmo.settings import *  # noqa: F403

HTTPS = False
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Off like on a laptop; the tests of two-factor for staff turn it on themselves.
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", False)
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tasks run at once inside the test, so a test sees the e-mail a task sends.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# The rows the migrations wrote are kept aside for the tests that write them back after a flush
# (`migration_rows`); the flush itself writes the content types and permissions again.
TEST_NON_SERIALIZED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]
