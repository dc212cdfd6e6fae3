"""A person signs up, verifies the address, signs out and signs in again with the keyboard."""

import re

from django.core import mail

from meetmalmo.accounts.models import User
from meetmalmo.browser_testing import submit_with_enter, tab_to, type_into


def choose(page, selector: str, option_text: str) -> None:
    """Pick an option of a <select> by typing its first letters, as keyboard users do."""
    tab_to(page, selector)
    page.keyboard.type(option_text)


def test_sign_up_verify_sign_out_and_in_with_the_keyboard(page):
    page.goto("/en/accounts/signup/")
    type_into(page, "#id_name", "Amina Yusuf")
    type_into(page, "#id_email", "amina@oresundlogistik.se")
    type_into(page, "#id_password1", "hamnen-och-lastbilarna-2026")
    type_into(page, "#id_new_organisation_name", "Öresund Logistik AB")
    choose(page, "#id_new_organisation_sphere", "Business")
    assert page.input_value("#id_new_organisation_sphere") == "business"
    type_into(page, "#id_new_organisation_number", "556677-8899")
    submit_with_enter(page)

    page.wait_for_url(re.compile(r"/en/accounts/confirm-email/$"))
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina@oresundlogistik.se"]
    link = re.search(r"https?://[^/\s]+(/en/accounts/confirm-email/\S+)", mail.outbox[0].body)[1]

    page.goto(link)  # following the link in the e-mail
    tab_to(page, "main button[type=submit]")
    submit_with_enter(page)
    assert "Signed in as Amina" in page.inner_text("header")
    user = User.objects.get(email="amina@oresundlogistik.se")
    assert user.organisation.name == "Öresund Logistik AB"

    tab_to(page, 'header form[action$="/logout/"] button')  # "Sign out"
    submit_with_enter(page)
    assert "Sign in" in page.inner_text("header")

    tab_to(page, 'header a[href$="/accounts/login/"]')  # the header's "Sign in" link
    submit_with_enter(page)
    type_into(page, "#id_login", "amina@oresundlogistik.se")
    type_into(page, "#id_password", "hamnen-och-lastbilarna-2026")
    submit_with_enter(page)
    assert "Signed in as Amina" in page.inner_text("header")


def test_a_bad_organisation_number_is_explained_beside_the_field(page):
    page.goto("/sv/accounts/signup/")
    type_into(page, "#id_name", "Erik Nilsson")
    type_into(page, "#id_email", "erik@mollansbageri.se")
    type_into(page, "#id_password1", "surdeg-och-kanelbullar")
    type_into(page, "#id_new_organisation_name", "Möllans Bageri AB")
    choose(page, "#id_new_organisation_sphere", "Näringsliv")
    type_into(page, "#id_new_organisation_number", "212000-1125")
    submit_with_enter(page)

    described_by = page.get_attribute("#id_new_organisation_number", "aria-describedby")
    error_id = next(i for i in described_by.split() if i.endswith("_error"))
    assert "sista siffran stämmer inte" in page.inner_text(f"#{error_id}")
    assert page.input_value("#id_name") == "Erik Nilsson"
    assert page.input_value("#id_new_organisation_number") == "212000-1125"
    assert not User.objects.filter(email="erik@mollansbageri.se").exists()
