"""Messages of the command line: usage errors, help texts, check summaries."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.error": ("error", "kesalahan"),
    "cli.hint": ("hint", "petunjuk"),
    "cli.warning": ("warning", "peringatan"),
    "cli.aborted": ("aborted", "dibatalkan"),
    "cli.unexpected": (
        "unexpected internal error; this is a bug in pledgectl, the details are in {log}",
        "kesalahan internal tak terduga; ini cacat pada pledgectl, rinciannya ada di {log}",
    ),
    "cli.bad-lang": (
        "--lang {value!r} is not one of en, id",
        "--lang {value!r} bukan salah satu dari en, id",
    ),
    "cli.one-registry": (
        "--registry was given {count} times; only check works over several registries",
        "--registry diberikan {count} kali; hanya check yang bekerja atas beberapa registri",
    ),
    "cli.one-registry.hint": (
        "give --registry once for this command",
        "berikan --registry sekali saja untuk perintah ini",
    ),
    "cli.bad-lang.hint": ("use --lang en or --lang id", "gunakan --lang en atau --lang id"),
    "cli.output-failed.hint": (
        "check that the folder exists and is writable",
        "pastikan folder ada dan dapat ditulisi",
    ),
    "cli.bad-choice.hint": ("see the command's --help", "lihat --help perintah itu"),
    "cli.missing-option": ("missing option {name}", "opsi {name} belum diisi"),
    "cli.missing-argument": ("missing argument {name}", "argumen {name} belum diisi"),
    "cli.no-such-option": ("no such option {name}", "tidak ada opsi {name}"),
    "cli.no-such-option-suggest": (
        "no such option {name} (did you mean: {options})",
        "tidak ada opsi {name} (maksud Anda: {options})",
    ),
    "cli.not-one-of": (
        "{name}: {value!r} is not one of {choices}",
        "{name}: {value!r} bukan salah satu dari {choices}",
    ),
    "cli.not-valid": (
        "{name}: {value!r} is not a valid {kind}",
        "{name}: {value!r} bukan {kind} yang sah",
    ),
    "cli.bad-value": (
        "invalid value for {name}: {reason}",
        "nilai tidak sah untuk {name}: {reason}",
    ),
    "cli.extra-args": (
        "unexpected extra argument(s): {value}",
        "argumen berlebih yang tidak diharapkan: {value}",
    ),
    "cli.no-such-command": ("no such command {value!r}", "tidak ada perintah {value!r}"),
    "cli.needs-value": ("option {value} needs a value", "opsi {value} memerlukan nilai"),
    "cli.missing-command": ("missing command", "perintah belum diberikan"),
    "cli.usage-other": (
        "wrong use of the command: {reason}",
        "penggunaan perintah salah: {reason}",
    ),
    "cli.see-help": ("see `{command} --help`", "lihat `{command} --help`"),
    "cli.output-failed": ("cannot write {file}: {reason}", "tidak dapat menulis {file}: {reason}"),
    "cli.written": ("written {file}", "{file} ditulis"),
    "cli.bad-choice": (
        "{option} {value!r} is not one of {choices}",
        "{option} {value!r} bukan salah satu dari {choices}",
    ),
    "severity.error": ("error", "galat"),
    "severity.warning": ("warning", "peringatan"),
    "check.summary": (
        "{files} agency file(s) checked: {errors} error(s), {warnings} warning(s)",
        "{files} berkas instansi diperiksa: {errors} galat, {warnings} peringatan",
    ),
    "check.verdict-clean": ("Verdict: complete and valid.", "Kesimpulan: lengkap dan sah."),
    "check.verdict-findings": ("Verdict: not complete.", "Kesimpulan: belum lengkap."),
    # help texts
    "help.app": (
        "A registry of ASN neutrality pledges kept as TOML files in git: record declarations, witnesses and signatories, and check them for completeness.",
        "Registri ikrar netralitas ASN yang disimpan sebagai berkas TOML di git: catat deklarasi, saksi, dan penanda tangan, lalu periksa kelengkapannya.",
    ),
    "help.opt.registry": (
        "registry folder (default: found from the current folder); check takes it several times",
        "folder registri (bawaan: dicari dari folder saat ini); check menerimanya berulang kali",
    ),
    "help.opt.lang": (
        "language of messages: en or id (default from LANG)",
        "bahasa pesan: en atau id (bawaan dari LANG)",
    ),
    "help.opt.version": ("show the version and exit", "tampilkan versi lalu keluar"),
    "help.opt.format-table-json": (
        "output format: table or json",
        "format keluaran: table atau json",
    ),
    "help.opt.output": (
        "write to this file instead of standard output",
        "tulis ke berkas ini, bukan ke keluaran standar",
    ),
    "help.init": (
        "Create a registry with the default checklist, elections and policy.",
        "Buat registri dengan daftar periksa, pemilihan, dan kebijakan bawaan.",
    ),
    "help.arg.init-path": ("folder to create", "folder yang dibuat"),
    "help.opt.example": (
        "fill it with the demo agencies from the seed reports",
        "isi dengan instansi contoh dari laporan sumber",
    ),
    "help.opt.checklist": (
        "checklist preset: behaviours (the four neutrality behaviours) or ikrar",
        "prasetel daftar periksa: behaviours (empat perilaku netral) atau ikrar",
    ),
    "help.agency": (
        "Add, list and show agencies (OPD).",
        "Tambah, daftar, dan tampilkan instansi (OPD).",
    ),
    "help.agency.add": ("Add an agency file.", "Tambahkan berkas instansi."),
    "help.agency.list": ("List the agencies.", "Daftar instansi."),
    "help.agency.show": (
        "Show one agency with its declarations.",
        "Tampilkan satu instansi beserta deklarasinya.",
    ),
    "help.arg.agency-id": (
        "agency id, e.g. pekanbaru-bkpsdm",
        "id instansi, mis. pekanbaru-bkpsdm",
    ),
    "help.opt.agency-name": ("full name of the agency", "nama lengkap instansi"),
    "help.opt.region": (
        "Kemendagri region code, e.g. 14.71",
        "kode wilayah Kemendagri, mis. 14.71",
    ),
    "help.opt.parent": ("id of the parent agency", "id instansi induk"),
    "help.declare": (
        "Record a declaration event (ikrar, deklarasi, pakta integritas); prints its id.",
        "Catat peristiwa deklarasi (ikrar, deklarasi, pakta integritas); mencetak id-nya.",
    ),
    "help.arg.agency": ("agency id", "id instansi"),
    "help.arg.decl": ("declaration id", "id deklarasi"),
    "help.opt.kind": ("kind of declaration (policy.kinds)", "jenis deklarasi (policy.kinds)"),
    "help.opt.decl-date": ("date of the declaration", "tanggal deklarasi"),
    "help.opt.election": (
        "election covered (repeatable)",
        "pemilihan yang dicakup (dapat diulang)",
    ),
    "help.opt.decl-id": (
        "declaration id (default: KIND-DATE)",
        "id deklarasi (bawaan: JENIS-TANGGAL)",
    ),
    "help.opt.title": ("title of the declaration", "judul deklarasi"),
    "help.opt.occasion": ("occasion, e.g. a ceremony", "acara, mis. upacara"),
    "help.opt.place": ("place", "tempat"),
    "help.opt.basis": ("legal basis (repeatable)", "dasar hukum (dapat diulang)"),
    "help.opt.commitment": (
        "checklist item covered (repeatable)",
        "butir daftar periksa yang dicakup (dapat diulang)",
    ),
    "help.opt.all-commitments": (
        "the declaration covers every checklist item",
        "deklarasi mencakup semua butir daftar periksa",
    ),
    "help.witness": ("Add a witness to a declaration.", "Tambahkan saksi pada deklarasi."),
    "help.opt.institution": (
        "institution id, e.g. KPU or Bawaslu",
        "id lembaga, mis. KPU atau Bawaslu",
    ),
    "help.opt.witness-name": ("name of the witness", "nama saksi"),
    "help.opt.role": ("role of the witness", "jabatan saksi"),
    "help.sign": (
        "Add one signatory to a declaration; on a terminal, asks for what is missing.",
        "Tambahkan satu penanda tangan pada deklarasi; di terminal, menanyakan yang belum diisi.",
    ),
    "help.opt.nip": (
        "18-digit NIP (may be omitted for NON-ASN)",
        "NIP 18 angka (boleh kosong untuk NON-ASN)",
    ),
    "help.opt.person-name": ("full name", "nama lengkap"),
    "help.opt.status": ("PNS, PPPK or NON-ASN", "PNS, PPPK, atau NON-ASN"),
    "help.opt.position": ("position (jabatan)", "jabatan"),
    "help.opt.unit": ("work unit", "unit kerja"),
    "help.opt.signed": ("date signed", "tanggal tanda tangan"),
    "help.opt.prompt": (
        "ask for missing values (default: when on a terminal)",
        "tanyakan nilai yang kurang (bawaan: bila di terminal)",
    ),
    "help.check": (
        "Check declarations for completeness and validity.",
        "Periksa kelengkapan dan keabsahan deklarasi.",
    ),
    "help.arg.agencies": ("only these agencies", "hanya instansi ini"),
    "help.opt.check-format": (
        "output format: text, json, github or junit",
        "format keluaran: text, json, github, atau junit",
    ),
    "help.opt.only": (
        "run only this check (repeatable)",
        "jalankan hanya pemeriksaan ini (dapat diulang)",
    ),
    "help.opt.fail-on": (
        "exit 1 on findings of this severity or above",
        "keluar dengan kode 1 bila ada temuan setingkat ini atau lebih",
    ),
    "help.fmt": (
        "Rewrite agency files in canonical form.",
        "Tulis ulang berkas instansi dalam bentuk kanonik.",
    ),
    "help.opt.fmt-check": (
        "only list the files that differ; exit 1 if any",
        "hanya daftar berkas yang berbeda; keluar 1 bila ada",
    ),
}
