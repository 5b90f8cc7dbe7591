"""Messages of import, find, export and the signing sheet."""

MESSAGES: dict[str, tuple[str, str]] = {
    "import.reading": ("reading rows", "membaca baris"),
    "import.ignored-columns": (
        "note: columns not used: {columns}",
        "catatan: kolom yang tidak dipakai: {columns}",
    ),
    "import.status-inferred": (
        "note: no Status column; PNS or PPPK is taken from each NIP, NON-ASN where there is none",
        "catatan: tidak ada kolom Status; PNS atau PPPK diambil dari NIP, NON-ASN bila tanpa NIP",
    ),
    "import.duplicate-row": (
        "note: row {row} repeats row {first} and is counted once",
        "catatan: baris {row} mengulang baris {first} dan dihitung sekali",
    ),
    "import.bad-row": ("row {row}: {field}: {reason}", "baris {row}: {field}: {reason}"),
    "import.refused": (
        "{count} invalid row(s) in {file}; nothing was written",
        "{count} baris tidak sah di {file}; tidak ada yang ditulis",
    ),
    "import.refused.hint": (
        "fix the rows listed above and import again, or pass --skip-invalid to import the valid rows only",
        "perbaiki baris di atas lalu impor lagi, atau beri --skip-invalid untuk mengimpor baris yang sah saja",
    ),
    "import.skipped-invalid": (
        "skipped {count} invalid row(s) (listed above)",
        "melewati {count} baris tidak sah (tercantum di atas)",
    ),
    "import.rule-warnings": (
        "{count} signature date warning(s); the first ones:",
        "{count} peringatan tanggal tanda tangan; yang pertama:",
    ),
    "import.dry-run": (
        "dry run: would add {added}, {already} already recorded; nothing written",
        "uji coba: akan menambah {added}, {already} sudah tercatat; tidak ada yang ditulis",
    ),
    "import.done": (
        "added {added} from {file}; {already} already recorded",
        "{added} ditambahkan dari {file}; {already} sudah tercatat",
    ),
    "find.none": ("nobody matches {query!r}", "tidak ada yang cocok dengan {query!r}"),
    "col.declaration": ("declaration", "deklarasi"),
    "col.agency": ("agency", "instansi"),
    "col.role": ("role", "peran"),
    "col.nip": ("NIP", "NIP"),
    "col.status": ("status", "status"),
    "col.position": ("position", "jabatan"),
    "sheet.default-title": ("Neutrality declaration", "Deklarasi netralitas"),
    "sheet.heading": ("Signing sheet", "Daftar tanda tangan"),
    "sheet.commitments": ("Commitments", "Komitmen"),
    "sheet.witnesses": ("Witnesses", "Saksi"),
    "sheet.col.no": ("No.", "No."),
    "sheet.col.name": ("Name", "Nama"),
    "sheet.col.nip": ("NIP", "NIP"),
    "sheet.col.position": ("Position", "Jabatan"),
    "sheet.col.signature": ("Signature", "Tanda tangan"),
    "help.import": (
        "Add many signatories from a CSV or XLSX staff list (idempotent by NIP; all or nothing).",
        "Tambahkan banyak penanda tangan dari daftar pegawai CSV atau XLSX (idempoten menurut NIP; semua atau tidak sama sekali).",
    ),
    "help.arg.sheet-file": ("CSV or XLSX file", "berkas CSV atau XLSX"),
    "help.opt.dry-run": (
        "show what would be added; write nothing",
        "tampilkan yang akan ditambahkan; tidak menulis apa pun",
    ),
    "help.opt.skip-invalid": (
        "import the valid rows and list the skipped ones",
        "impor baris yang sah dan daftar yang dilewati",
    ),
    "help.find": (
        "Find a person by NIP (or its start) or part of a name, across all agencies.",
        "Cari orang menurut NIP (atau awalnya) atau sebagian nama, di semua instansi.",
    ),
    "help.arg.query": ("NIP, NIP prefix or part of a name", "NIP, awalan NIP, atau sebagian nama"),
    "help.opt.report-redact": (
        "accepted for uniform scripts; a report shows no NIPs anyway",
        "diterima agar skrip seragam; laporan memang tidak menampilkan NIP",
    ),
    "help.opt.redact": (
        "mask NIPs (they contain birth dates)",
        "samarkan NIP (berisi tanggal lahir)",
    ),
    "help.export": (
        "Export one row per signatory, with agency, declaration and witnesses.",
        "Ekspor satu baris per penanda tangan, beserta instansi, deklarasi, dan saksi.",
    ),
    "help.opt.export-format": ("csv, jsonl or json", "csv, jsonl, atau json"),
    "help.opt.excel": (
        "CSV for Excel: byte-order mark and CRLF line ends",
        "CSV untuk Excel: tanda urutan bita dan akhir baris CRLF",
    ),
    "help.sheet": (
        "Print a signing sheet (daftar tanda tangan) for a ceremony.",
        "Cetak daftar tanda tangan untuk upacara.",
    ),
    "help.opt.sheet-format": ("html or csv", "html atau csv"),
    "help.schema": (
        "Print the JSON Schema of an agency file, for editors (taplo, Even Better TOML).",
        "Cetak JSON Schema berkas instansi, untuk penyunting (taplo, Even Better TOML).",
    ),
    "help.opt.schema-settings": (
        "the schema of pledgectl.toml instead",
        "skema pledgectl.toml sebagai gantinya",
    ),
}
