#!/usr/bin/env python3
"""Build samples/archive/crawl.warc.gz, a small WARC crawl of invented news pages.

The pages are original fictional stories written for eventwatch (no real
reporting). The archive holds a warcinfo record, one request record, three
HTML response records (the articles) and one text/plain response
(robots.txt) that ingest should ignore.

Deterministic: every WARC-Date and WARC-Record-ID is fixed (record ids are
UUID5 of the target URI), and the gzip members carry no timestamp, so
running the script again produces byte-identical output.

    .venv/bin/python samples/build_warc.py
"""
import html
import io
import uuid
from datetime import datetime
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
OUT = HERE / "archive" / "crawl.warc.gz"
SITE = "https://www.northsouthchronicle.com"
NS = uuid.UUID("6f1c2a9e-3b7d-4e58-9a0c-2d4f6b8e1a37")

ARTICLES = [
    {
        "path": "/americas/2024/05/05/guadalajara-march-disappeared",
        "crawled": "2024-05-05T18:02:11Z",
        "published": "2024-05-05T15:30:00-06:00",
        "author": "Gabriela Montes",
        "section": "Americas",
        "title": "Thousands march in Guadalajara to demand search for the disappeared",
        "paras": [
            "GUADALAJARA, Mexico — Thousands of people marched through the centre of Guadalajara on Saturday to demand that Mexican authorities step up the search for the more than 15,000 people reported missing in the western state of Jalisco, many of them carrying photographs of sons and daughters who vanished years ago.",
            "The march, organised by the collective Madres Buscadoras del Occidente, set off from the Glorieta de los Niños Héroes, which relatives have renamed the roundabout of the disappeared, and ended outside the state government palace, where marchers read out hundreds of names.",
            "\u201cWe are the ones digging in the fields with our own hands, because the state does not,\u201d said Leticia Ramos, whose son Julián disappeared in Tlaquepaque in 2019. \u201cWe want the prosecutors to do their work. We want the forensic service to identify the bodies it already has.\u201d",
            "According to the collective, volunteer search teams found a clandestine grave containing at least nine bodies near the town of Tlajomulco last week. Ramos said the group had reported the site to the authorities in December and that nobody had come to examine it.",
            "The Jalisco state prosecutor's office said in a statement that it had opened an investigation into the grave and that forensic experts were working \u201cday and night\u201d to identify the remains. It said that the state had hired 40 more forensic specialists since January.",
            "Marchers accused the state and federal governments of playing down the scale of the crisis. \u201cEvery time they count again, our children disappear a second time,\u201d said Rosa Elena Márquez, another member of the collective.",
            "The U.N. Committee on Enforced Disappearances last year called on Mexico to create a national forensic identification system and to guarantee the safety of searching mothers, at least seven of whom have been killed since 2021.",
            "More than 100,000 people are listed as missing in Mexico, according to the national registry.",
        ],
    },
    {
        "path": "/asia/2024/03/28/philippines-vietnam-coast-guard-pact",
        "crawled": "2024-03-28T11:40:53Z",
        "published": "2024-03-28T17:05:00+08:00",
        "author": "Miguel Santos",
        "section": "Asia",
        "title": "Philippines, Vietnam sign coast guard pact as Manila accuses China of harassment",
        "paras": [
            "MANILA, Philippines — The coast guards of the Philippines and Vietnam signed an agreement in Manila on Thursday to hold joint search-and-rescue exercises and to share information about incidents at sea, days after the Philippines accused Chinese vessels of firing water cannon at one of its fisheries patrol boats.",
            "The agreement was signed at the Philippine Coast Guard headquarters by its commandant and by the visiting deputy commander of the Vietnam Coast Guard, according to a joint statement. The first joint exercise is planned for August off the coast of Palawan.",
            "\"The sea between our two countries should be a place of cooperation, not confrontation,\" Commodore Arnel Villanueva, a Philippine Coast Guard spokesman, told reporters after the ceremony. \"Fishermen in trouble do not care which flag is on the rescue boat.\"",
            "Villanueva said that two Chinese coast guard ships had fired water cannon at a Bureau of Fisheries and Aquatic Resources vessel near Scarborough Shoal last Saturday, damaging its radio mast and injuring three crew members. The Philippine foreign ministry summoned a Chinese diplomat in Manila on Monday to protest against what it called \"dangerous and illegal actions.\"",
            "China's foreign ministry rejected the accusation. A ministry spokesman in Beijing said that the Philippine vessel had \"intruded\" into Chinese waters and that the coast guard had taken \"necessary measures in accordance with the law\" to expel it.",
            "Vietnam, which also has overlapping claims with China in the South China Sea, did not comment on the incident. A Vietnamese official said the agreement with Manila was \"not directed at any third country.\"",
            "Analysts said the pact was modest but symbolically important. \"Hanoi and Manila have been rivals in the Spratlys for decades; now they are signing documents together,\" said Teresa Castillo, a maritime law lecturer at the University of the Philippines.",
            "An international tribunal in The Hague ruled in 2016 that China's sweeping claims in the South China Sea had no legal basis, a decision Beijing has refused to recognise.",
        ],
    },
    {
        "path": "/africa/2024/04/03/tunisia-opposition-arrests",
        "crawled": "2024-04-03T20:17:29Z",
        "published": "2024-04-03T18:45:00+01:00",
        "author": "Yasmine Haddad",
        "section": "Africa",
        "title": "Tunisian police arrest opposition politicians and lawyer in overnight raids",
        "paras": [
            "TUNIS, Tunisia — Tunisian police arrested four opposition politicians and a prominent human rights lawyer in overnight raids in Tunis and the coastal city of Sousse, their families and lawyers said on Wednesday, in the latest crackdown on critics of the president ahead of elections due in the autumn.",
            "Plainclothes officers detained Karim Ben Salah, a former member of parliament, at his home in the Tunis suburb of La Marsa shortly after midnight and took away his computer and phones, his wife, Nadia Ben Salah, said.",
            "Nadia Ben Salah said: \"They did not show us any warrant. They told my husband to get dressed and come with them, and that was all.\"",
            "The lawyer, Sami Gharbi, who has defended several jailed opposition figures, was arrested in Sousse, according to the Tunisian Bar Association, which called a one-day strike of lawyers in protest on Thursday.",
            "Tunisia's interior ministry said that the five were suspected of \"conspiring against the internal and external security of the state\" and would be questioned by an anti-terrorism judge. It gave no further details.",
            "The U.S. State Department said it was \"deeply concerned\" by the arrests and called on Tunisian authorities to respect the rights of all detainees to a fair trial. The European Union said it was following the cases closely.",
            "About 60 people protested outside the Palace of Justice in Tunis on Wednesday afternoon, chanting \"Freedom, freedom, no to the police state.\" Police kept them behind metal barriers, but no arrests were reported.",
            "The Tunisian League for Human Rights said that more than 40 politicians, journalists, lawyers and businessmen had been detained since February 2023 in what it called a campaign to eliminate all opposition before the vote. The president has called the detainees \"traitors\" and \"terrorists.\"",
        ],
    },
]

ROBOTS = b"User-agent: *\nDisallow: /search\nDisallow: /account/\n\nSitemap: https://www.northsouthchronicle.com/sitemap.xml\n"


def page(a):
    """Render one article as a complete HTML page with site chrome."""
    body = "\n".join(f"        <p>{html.escape(p, quote=False)}</p>" for p in a["paras"])
    title = html.escape(a["title"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} | North South Chronicle</title>
  <meta name="author" content="{a['author']}">
  <meta property="og:site_name" content="North South Chronicle">
  <meta property="og:title" content="{title}">
  <meta property="og:type" content="article">
  <meta property="og:url" content="{SITE}{a['path']}">
  <meta property="article:published_time" content="{a['published']}">
  <meta property="article:section" content="{a['section']}">
</head>
<body>
  <div class="cookie-notice">We use cookies to personalise content and analyse our traffic. <button>Accept</button> <a href="/cookies">Settings</a></div>
  <header>
    <a class="logo" href="/">North South Chronicle</a>
    <nav><ul>
      <li><a href="/world">World</a></li><li><a href="/africa">Africa</a></li>
      <li><a href="/americas">Americas</a></li><li><a href="/asia">Asia</a></li>
      <li><a href="/rights">Rights &amp; Justice</a></li><li><a href="/podcasts">Podcasts</a></li>
    </ul></nav>
  </header>
  <main>
    <article>
      <h1>{title}</h1>
      <p class="byline">By {a['author']} · {a['published'][:10]}</p>
      <div class="share">Share this: Facebook Twitter WhatsApp</div>
{body}
    </article>
    <aside class="related"><h2>Related</h2><ul>
      <li><a href="/rights/explainer-enforced-disappearance">Explainer: what counts as an enforced disappearance?</a></li>
      <li><a href="/world/press-freedom-index-2024">Press freedom falls in a record number of countries</a></li>
    </ul></aside>
    <section class="newsletter"><h2>Sign up for our daily briefing!</h2>
      <form action="/newsletter" method="post"><input type="email" name="email"><button>Subscribe</button></form>
      <p>By subscribing you agree to our privacy policy.</p></section>
  </main>
  <footer><p>© 2024 North South Chronicle. All rights reserved. <a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>
</body>
</html>
""".encode("utf-8")


def rid(uri, kind):
    return f"<urn:uuid:{uuid.uuid5(NS, kind + ' ' + uri)}>"


def http(status, ctype, length, date):
    return StatusAndHeaders(status, [
        ("Date", date),
        ("Server", "nginx"),
        ("Content-Type", ctype),
        ("Content-Length", str(length)),
        ("Cache-Control", "max-age=300"),
    ], protocol="HTTP/1.1")


def build(out=OUT):
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)

    info = (b"software: eventwatch samples/build_warc.py (warcio)\r\n"
            b"format: WARC File Format 1.0\r\n"
            b"description: Invented news pages for the eventwatch demo; original fictional texts, no real reporting.\r\n"
            b"isPartOf: eventwatch-samples\r\n")
    w.write_record(w.create_warc_record(
        "", "warcinfo", payload=io.BytesIO(info), length=len(info),
        warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Record-ID": rid("crawl.warc.gz", "warcinfo"),
                           "WARC-Date": "2024-03-28T11:40:00Z",
                           "WARC-Filename": "crawl.warc.gz"}))

    robots_uri = SITE + "/robots.txt"
    w.write_record(w.create_warc_record(
        robots_uri, "response", payload=io.BytesIO(ROBOTS), length=len(ROBOTS),
        http_headers=http("200 OK", "text/plain; charset=utf-8", len(ROBOTS), "Thu, 28 Mar 2024 11:40:51 GMT"),
        warc_headers_dict={"WARC-Record-ID": rid(robots_uri, "response"),
                           "WARC-Date": "2024-03-28T11:40:51Z"}))

    for a in sorted(ARTICLES, key=lambda a: a["crawled"]):
        uri = SITE + a["path"]
        if "philippines" in a["path"]:  # one request record, before its response
            req = StatusAndHeaders(f"GET {a['path']} HTTP/1.1", [
                ("Host", "www.northsouthchronicle.com"),
                ("User-Agent", "eventwatch-samples/1.0"),
                ("Accept", "text/html"),
            ], is_http_request=True)
            w.write_record(w.create_warc_record(
                uri, "request", payload=io.BytesIO(b""), length=0, http_headers=req,
                warc_headers_dict={"WARC-Record-ID": rid(uri, "request"),
                                   "WARC-Date": a["crawled"]}))
        data = page(a)
        stamp = a["crawled"]
        dt = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")
        w.write_record(w.create_warc_record(
            uri, "response", payload=io.BytesIO(data), length=len(data),
            http_headers=http("200 OK", "text/html; charset=utf-8", len(data),
                              dt.strftime("%a, %d %b %Y %H:%M:%S GMT")),
            warc_headers_dict={"WARC-Record-ID": rid(uri, "response"),
                               "WARC-Date": stamp}))

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buf.getvalue())
    return out


if __name__ == "__main__":
    print(build())
