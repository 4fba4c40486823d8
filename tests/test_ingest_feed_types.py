"""A feed is read as a feed whatever feed media type its server gives it."""
from __future__ import annotations

import pytest

from eventwatch.ingest import urls
from eventwatch.ingest.fetch import Fetched
from eventwatch.models import RawDoc

FEED = b"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Court hearing</title><link>https://wire.example/a</link><guid>g1</guid>
<content:encoded><![CDATA[<p>Full text of the story about the detained activists and their court hearing.</p>]]></content:encoded>
</item></channel></rss>"""


@pytest.mark.parametrize("media", ["application/x-rss+xml", "application/rss+xml", "application/x-atom+xml",
                                   "text/xml", "text/html", ""])
def test_ingest_feed_media_types_read_as_feed(monkeypatch, media):
    monkeypatch.setattr(urls, "fetch", lambda url, allow_private=False: Fetched(url, FEED, media, None, 200))
    docs = list(urls.iter_url("https://wire.example/feed"))
    assert docs and all(isinstance(d, RawDoc) for d in docs), docs
    assert docs[0].title == "Court hearing"
