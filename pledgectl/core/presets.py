"""The settings a new registry starts with, carried as TOML text.

Written verbatim by ``init`` so the file a user edits has comments that explain
it. Nothing else in the code knows the behaviours, elections or institutions:
they are read back from the registry's own ``pledgectl.toml``.
"""

from __future__ import annotations

CHECKLISTS: dict[str, str] = {
    "behaviours": """\
# The four forms of ASN neutrality named by the acting governor of Kalimantan
# Barat in an appeal to provincial ASN ahead of the 2024 election (ANTARA,
# Pontianak). Edit freely: checks read this list, not the code.
# Basis: UU 20/2023 Pasal 24 ayat (1) lists ASN duties (huruf b: obey the laws
# and regulations; huruf d: stay neutral); PP 94/2021 Pasal 5 huruf n forbids a
# PNS to support a candidate (joining a campaign, partisan acts, giving goods).
[[checklist]]
id = "no-campaign"
title = { id = "Tidak terlibat, langsung maupun tidak langsung, dalam kegiatan kampanye politik", en = "Takes no part, directly or indirectly, in political campaign activities" }
basis = "PP 94/2021 Pasal 5 huruf n; SKB Netralitas ASN 2022"

[[checklist]]
id = "rule-compliance"
title = { id = "Mematuhi aturan dan prosedur tanpa intervensi atau keberpihakan", en = "Follows rules and procedures with no intervention or preference for any party" }
basis = "UU 20/2023 Pasal 24 ayat (1) huruf b"

[[checklist]]
id = "fair-service"
title = { id = "Melayani publik secara adil tanpa membedakan latar belakang politik", en = "Serves the public fairly, whatever their political background or affiliation" }
basis = "SKB Netralitas ASN 2022"

[[checklist]]
id = "neutral-conduct"
title = { id = "Bersikap netral dalam setiap interaksi dan komunikasi, termasuk di media sosial", en = "Stays neutral in every interaction and communication, social media included" }
basis = "UU 20/2023 Pasal 24 ayat (1) huruf d; SKB Netralitas ASN 2022"
""",
    "ikrar": """\
# The standard four-point ikrar, as several regional reports of 2023 give it.
# Basis: UU 20/2023 Pasal 24 ayat (1) huruf d (the duty to stay neutral);
# PP 94/2021 Pasal 5 huruf n (no support for a candidate, giving goods included).
[[checklist]]
id = "uphold-neutrality"
title = { id = "Menegakkan netralitas sebelum, selama, dan sesudah pemilihan", en = "Upholds neutrality before, during and after the election" }
basis = "UU 20/2023 Pasal 24 ayat (1) huruf d"

[[checklist]]
id = "no-conflict-of-interest"
title = { id = "Menghindari konflik kepentingan, intimidasi, dan keberpihakan", en = "Avoids conflicts of interest, intimidation and partisanship" }
basis = "SKB Netralitas ASN 2022"

[[checklist]]
id = "wise-social-media"
title = { id = "Bijak bermedia sosial, tanpa ujaran kebencian dan hoaks", en = "Uses social media wisely, with no hate speech or hoaxes" }
basis = "SKB Netralitas ASN 2022"

[[checklist]]
id = "reject-money-politics"
title = { id = "Menolak politik uang dan segala bentuk pemberian", en = "Rejects money politics and gifts of any kind" }
basis = "PP 94/2021 Pasal 5 huruf n"
""",
}

_HEAD = """\
# pledgectl registry settings. The tool reads this file and never rewrites it.
# Docs: `pledgectl schema --settings` prints its JSON Schema.
schema = 1

"""

_REST = """
# Elections a declaration can name. Dates from KPU's 2024 schedule.
[[elections]]
id = "pemilu-2024"
name = { id = "Pemilihan Umum 2024", en = "2024 General Election" }
campaign_start = 2023-11-28
campaign_end = 2024-02-10
voting_day = 2024-02-14

[[elections]]
id = "pilkada-2024"
name = { id = "Pemilihan Kepala Daerah Serentak 2024", en = "2024 Simultaneous Regional Elections" }
campaign_start = 2024-09-25
campaign_end = 2024-11-23
voting_day = 2024-11-27

# Institutions that may witness a declaration. `until`: no valid witness after that date.
[[institutions]]
id = "KPU"
name = { id = "Komisi Pemilihan Umum", en = "General Elections Commission" }

[[institutions]]
id = "Bawaslu"
name = { id = "Badan Pengawas Pemilihan Umum", en = "Election Supervisory Agency" }

[[institutions]]
id = "KASN"
name = { id = "Komisi Aparatur Sipil Negara", en = "Civil Service Commission" }
until = 2024-08-23   # abolished by UU 20/2023; duties passed to BKN (date: check locally)

[[institutions]]
id = "BKN"
name = { id = "Badan Kepegawaian Negara", en = "National Civil Service Agency" }

[[institutions]]
id = "Forkopimda"
name = { id = "Forum Koordinasi Pimpinan Daerah", en = "Regional Leadership Coordination Forum" }

[[institutions]]
id = "Kesbangpol"
name = { id = "Badan Kesatuan Bangsa dan Politik", en = "Agency for National Unity and Politics" }

[[institutions]]
id = "KORPRI"
name = { id = "Korps Pegawai Republik Indonesia", en = "Civil Servants Corps of Indonesia" }

[[institutions]]
id = "BKPSDM"
name = { id = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", en = "Regional Civil Service and HR Development Agency" }

[[institutions]]
id = "BKD"                               # a province's civil service agency
name = { id = "Badan Kepegawaian Daerah", en = "Regional Civil Service Agency" }

[[institutions]]
id = "Inspektorat"
name = { id = "Inspektorat Daerah", en = "Regional Inspectorate" }

[policy]
scope = ["pemilu-2024"]                  # elections every agency must be complete for
required_witnesses = ["KPU", "Bawaslu"]
kinds = ["ikrar", "deklarasi", "pakta-integritas"]
nip_optional_for = ["NON-ASN"]

[policy.checks]                          # per check: "error", "warning" or "off"
duplicates = "warning"
"""


def settings_text(checklist: str = "behaviours") -> str:
    """The full ``pledgectl.toml`` for a new registry with the named checklist preset."""
    return _HEAD + CHECKLISTS[checklist] + _REST
