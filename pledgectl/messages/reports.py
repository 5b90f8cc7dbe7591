"""Messages of ``report`` and ``roster import``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "report.title.agency": (
        "Neutrality declarations: coverage per agency",
        "Deklarasi netralitas: cakupan per instansi",
    ),
    "report.title.region": (
        "Neutrality declarations: coverage per region",
        "Deklarasi netralitas: cakupan per wilayah",
    ),
    "report.title.election": (
        "Neutrality declarations: coverage per election",
        "Deklarasi netralitas: cakupan per pemilihan",
    ),
    "report.subtitle": (
        "Elections in scope: {scope}. Agencies: {agencies}. A declaration counts when it is complete.",
        "Pemilihan dalam cakupan: {scope}. Instansi: {agencies}. Deklarasi dihitung bila lengkap.",
    ),
    "report.col.agency": ("agency", "instansi"),
    "report.col.name": ("name", "nama"),
    "report.col.region": ("region", "wilayah"),
    "report.col.declarations": ("declarations", "deklarasi"),
    "report.col.witnesses": ("witnesses", "saksi"),
    "report.col.signatories": ("signatories", "penanda tangan"),
    "report.col.signatories-complete": (
        "signatories (complete)",
        "penanda tangan (lengkap)",
    ),
    "report.col.roster": ("roster", "pegawai"),
    "report.col.coverage": ("coverage {election}", "cakupan {election}"),
    "report.col.coverage-all": ("coverage", "cakupan"),
    "report.col.status": ("status", "status"),
    "report.col.agencies": ("agencies", "instansi"),
    "report.col.complete": ("complete", "lengkap"),
    "report.col.election": ("election", "pemilihan"),
    "report.col.in-scope": ("in scope", "dalam cakupan"),
    "report.status.complete": ("complete", "lengkap"),
    "report.status.incomplete": ("incomplete", "belum lengkap"),
    "report.status.unreadable": ("unreadable", "tidak terbaca"),
    "report.total": ("total", "jumlah"),
    "report.complete-count": (
        "{complete} of {total} complete",
        "{complete} dari {total} lengkap",
    ),
    "report.yes": ("yes", "ya"),
    "report.no": ("no", "tidak"),
    "report.unreadable-note": (
        "{count} agency file(s) could not be read; run `pledgectl check` to see why",
        "{count} berkas instansi tidak dapat dibaca; jalankan `pledgectl check` untuk melihat sebabnya",
    ),
    "help.report": (
        "Coverage summary per agency, region or election: declarations, witnesses, signatories, roster coverage and status.",
        "Ringkasan cakupan per instansi, wilayah, atau pemilihan: deklarasi, saksi, penanda tangan, cakupan pegawai, dan status.",
    ),
    "help.opt.report-format": (
        "output format: table, markdown, html or csv",
        "format keluaran: table, markdown, html, atau csv",
    ),
    "help.opt.report-by": (
        "one row per agency, region or election",
        "satu baris per instansi, wilayah, atau pemilihan",
    ),
    "help.roster": (
        "Manage an agency's staff list (roster), used for coverage.",
        "Kelola daftar pegawai instansi, dipakai untuk cakupan.",
    ),
    "help.roster-import": (
        "Load an agency's staff list from CSV or XLSX (idempotent by NIP).",
        "Muat daftar pegawai instansi dari CSV atau XLSX (idempoten menurut NIP).",
    ),
}
