import pytest

from eventwatch.text.boilerplate import content_text, find_boilerplate, is_boilerplate_line


@pytest.mark.parametrize("line", [
    "Sign up for breaking news alerts by email!",
    "By registering, you accept our terms of service.",
    "Sign up for our daily newsletter and get the top stories in your inbox.",
    "Subscribe to our newsletter",
    "By clicking Subscribe, you agree to our Terms of Use and Privacy Policy.",
    "Share this: Facebook Twitter",
    "Share this article",
    "Facebook | Twitter | WhatsApp | Email",
    "Read more: Court hears appeal of jailed editor",
    "Read more",
    "Related stories",
    "Advertisement",
    "Story continues below advertisement",
    "Copyright 2024 Example Media Ltd.",
    "© 2023 The Daily Example",
    "The Daily Example. All rights reserved.",
    "We use cookies to improve your experience on our site.",
    "Accept all cookies",
    "Terms of Use | Privacy Policy | Contact Us",
    "Follow us on Twitter",
    "Enter your email address",
    "Reporting by Jane Doe; Editing by John Roe",
    "(Reporting by Ana Kovač in Valdoria; additional reporting by Li Wei; editing by Sam Lee)",
    "Photo: Police outside the court on Monday.",
    "— Petra Horvat (@phorvat) March 3, 2024",
])
def test_boilerplate_line_is_marked(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", [
    "Protesters signed a petition calling for the release of the detained journalists.",
    "The government signed up to the agreement in March, officials said.",
    "Share prices fell sharply after the ministry announced the sanctions.",
    "Advertisement revenue at state broadcasters has fallen by a third.",
    "Copyright law was amended last year to criminalise the sharing of leaked documents.",
    "The group said in its newsletter that twelve activists had been detained.",
    "Activists read more than 200 names of victims aloud outside the court.",
    "The court ruled that the terms of the ceasefire had been violated by both sides.",
    "Police used cookies and sweets to lure children away from the protest, the report alleged.",
    "He agreed to the terms of his release, which bar him from leaving the country.",
    "Residents were told to register with the police before the curfew began.",
    "Twitter and Facebook were blocked across the country on Monday.",
    "Follow-up talks are scheduled for next week in Geneva.",
    "Reporting by the Guardian revealed that the minister had lied.",
    "Editing by state censors removed every mention of the protest.",
    "Photographs of the beaten protester circulated widely online.",
    "The ministry's newsletter, delivered to schools every week, praised the crackdown.",
    "Thousands of readers subscribe to the opposition newsletter despite the ban.",
    "Share the burden, the minister told European governments.",
    "Join the march today, the union urged its members in a statement.",
    "Sign language interpreters were barred from the briefing.",
])
def test_boilerplate_news_sentence_is_not_marked(line):
    assert not is_boilerplate_line(line)
    assert find_boilerplate(line) == []


def test_boilerplate_spans_point_at_lines_without_changing_text():
    text = ("Police detained forty students on Thursday.\n\n"
            "Sign up for breaking news alerts by email!\n\n"
            "By registering, you accept our terms of service.\n")
    spans = find_boilerplate(text)
    assert [text[s:e] for s, e in spans] == [
        "Sign up for breaking news alerts by email!",
        "By registering, you accept our terms of service.",
    ]
    assert content_text(text, spans).strip() == "Police detained forty students on Thursday."


def test_boilerplate_sentence_glued_to_paragraph_is_marked():
    text = ("The ministry did not respond to questions. "
            "Sign up for weekly digests and breaking alerts. "
            "By registering, you accept our terms of service.")
    spans = find_boilerplate(text)
    marked = [text[s:e] for s, e in spans]
    assert "The ministry did not respond to questions." not in " ".join(marked)
    assert any(m.startswith("Sign up for weekly digests") for m in marked)
    assert any("you accept our terms of service." in m for m in marked)


def test_boilerplate_long_line_is_not_marked_whole():
    text = "Share this story " + "with everyone who cares about press freedom in the region " * 10
    assert find_boilerplate(text) == []


@pytest.mark.parametrize("text,kept", [
    ("He was released. Sign up for news alerts.", "He was released."),
    ("Police detained forty students. Sign up for breaking news alerts by email!", "Police detained forty students."),
])
def test_boilerplate_short_news_sentence_beside_signup_is_kept(text, kept):
    spans = find_boilerplate(text)
    assert spans
    assert content_text(text, spans).strip() == kept


def test_boilerplate_site_name_before_rights_line_is_marked_whole():
    text = "Body of the story goes here in full.\nThe Daily Example. All rights reserved.\n"
    spans = find_boilerplate(text)
    assert [text[s:e] for s, e in spans] == ["The Daily Example. All rights reserved."]
