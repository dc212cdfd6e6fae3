"""Settings for the Meet Malmö portal. Every value that differs between machines comes from
the environment (see the README's configuration table); nothing exists only in production."""

from pathlib import Path
from urllib.parse import quote

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from meetmalmo.env import env_bool, env_https_url, env_int, env_list, env_str, secret_key

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key(VAR_DIR)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "meetmalmo.core",
    "meetmalmo.accounts",
    "meetmalmo.notifications",
    "meetmalmo.initiatives",
    "meetmalmo.inventory",
    "meetmalmo.resources",
    "meetmalmo.groups",
    "meetmalmo.events",
    "meetmalmo.publishing",
    "meetmalmo.newsletter",
    "meetmalmo.figures",
    "meetmalmo.search",
    "meetmalmo.api",
    "meetmalmo.accessibility",
    "meetmalmo.site",
    # Django's admin, with its sign-in through allauth and two-factor for staff (admin_site.py).
    "meetmalmo.accounts.admin_site.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Each person's sessions, listed on their own page and ended together (sign out elsewhere,
    # account deletion) without reading every session there is.
    "allauth.usersessions",
    "django_tasks",
    "django_tasks_db",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Ahead of WhiteNoise and the API's middleware, which answer some requests themselves, so
    # that static files and those answers carry the policy and the framing ban too.
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS, ETag, caching, rate limit and JSON errors for the API and the open-data files.
    "meetmalmo.api.middleware.OpenDataMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "meetmalmo.accounts.middleware.TwoFactorSetupMiddleware",
]

ROOT_URLCONF = "meetmalmo.urls"
WSGI_APPLICATION = "meetmalmo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "meetmalmo.core.context_processors.site",
                "meetmalmo.notifications.context_processors.unread",
            ],
        },
    },
]

# SQLite under var/ unless DATABASE_URL names another database (PostgreSQL in production).
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'meetmalmo.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets the web server read while the task worker writes; IMMEDIATE avoids
    # "database is locked" when two writers start a transaction at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 3
# SQLite makes a new, empty database wherever it is asked to open a file that is not there: a
# server whose file was moved or deleted would answer every page with 500 and /healthz with ok.
# The file is made once, here, when a process starts (so `migrate` on a new machine has one to
# fill), and every connection after that opens it read-write only, failing if it is gone.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and DATABASES["default"][
    "NAME"
] not in ("", ":memory:"):
    _sqlite_file = Path(DATABASES["default"]["NAME"])
    if not _sqlite_file.exists():
        _sqlite_file.parent.mkdir(parents=True, exist_ok=True)
        _sqlite_file.touch()
    DATABASES["default"]["NAME"] = f"file:{quote(str(_sqlite_file))}?mode=rw"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by all gunicorn workers (and, with Redis, by every server), so login throttling counts
# every attempt and publishing clears the public-page cache everywhere.
REDIS_URL = env_str("REDIS_URL")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    )
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "site:home"

# django-allauth: e-mail is the login; an address must be verified before it can be used.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
# Nobody learns from the portal whether an address has an account: sign-up with a taken
# address answers as for a new one and tells the address's owner by e-mail, with the way to a
# new password; a password reset for an unknown address answers alike and mails nobody (the
# form would otherwise send e-mail to any stranger's address).
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_SIGNUP_FORM_CLASS = "meetmalmo.accounts.forms.SignupDetailsForm"
ACCOUNT_ADAPTER = "meetmalmo.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Meet Malmö: "
ACCOUNT_LOGOUT_REDIRECT_URL = "site:home"
# Behind a reverse proxy every visitor arrives from the proxy's address; this many proxies in
# X-Forwarded-For are trusted to name the real one, for login throttling and the API's limit.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ACCOUNT_RATE_LIMITS = {
    "login_failed": env_str("LOGIN_RATE_LIMIT", "10/m/ip,5/5m/key"),
}

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = []
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "private")},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
PHOTO_MAX_BYTES = env_int("PHOTO_MAX_BYTES", 2 * 1024 * 1024)
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
# The year Meet Malmö started, for "N initiatives brought to life since …" on the home page.
START_YEAR = env_int("START_YEAR", 2015)
IMAGE_MAX_BYTES = env_int("IMAGE_MAX_BYTES", 8 * 1024 * 1024)  # news and project images
# Comments: at most this many per e-mail address an hour, and this many links in one.
COMMENT_RATE_PER_HOUR = env_int("COMMENT_RATE_PER_HOUR", 5)
COMMENT_MAX_LINKS = 2
COMMENT_MIN_SECONDS = 3  # a person takes longer than this to write a comment
ATTACHMENT_MAX_COUNT = 5
# Days after a meeting that a visitor's registration (name, e-mail, organisation) is kept.
EVENT_VISITOR_RETENTION_DAYS = env_int("EVENT_VISITOR_RETENTION_DAYS", 90)
# Requests a minute that one client address may send to the API and the open-data files; 0: no
# limit (benchmarks, or a proxy that limits instead).
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 300)

# E-mail: every message goes through a background task that retries, so none is lost when the
# mail server is down. The task hands it to EMAIL_DELIVERY_BACKEND: SMTP when EMAIL_HOST is
# set, otherwise files under var/mail/ that a person trying the portal can open.
EMAIL_BACKEND = "meetmalmo.core.mail.TaskEmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 20
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_DELIVERY_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 8)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Meet Malmö <no-reply@meetmalmo.example.se>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
CONTACT_EMAIL = env_str("CONTACT_EMAIL", "meetmalmo@malmo.se")
# The portal's address as people reach it, for links in e-mail sent by the task worker.
# Meet Malmö's own accounts, linked in the footer of every page when set.
SOCIAL_LINKEDIN_URL = env_https_url("SOCIAL_LINKEDIN_URL")
SOCIAL_X_URL = env_https_url("SOCIAL_X_URL")
SITE_URL = env_str("SITE_URL", f"http://127.0.0.1:{env_int('PORT', 8000)}").rstrip("/")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Security. HTTPS defaults to on outside DEBUG; `make run` on a laptop turns it off.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if HTTPS else "http"
# Two-factor sign-in (allauth.mfa): an authenticator app with recovery codes, for everyone who
# wants it; process managers and administrators must set it up before any staff page or the
# admin opens to them where MFA_REQUIRED_FOR_STAFF is on (by default, wherever HTTPS is).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Meet Malmö"
MFA_ADAPTER = "meetmalmo.accounts.adapter.MFAAdapter"
MFA_REQUIRED_FOR_STAFF = env_bool("MFA_REQUIRED_FOR_STAFF", HTTPS)
# A session is recorded when someone signs in (device, address, time); recording every request
# as well would write to the database on every page, so "last seen" is not kept.
USERSESSIONS_TRACK_ACTIVITY = False
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
