"""Messages of the checks: one per finding code, with a hint where a fix is known."""

MESSAGES: dict[str, tuple[str, str]] = {
    "finding.parse-syntax": ("not valid TOML: {reason}", "bukan TOML yang sah: {reason}"),
    "finding.parse-syntax.hint": (
        "fix the TOML at this line; a missing quote, bracket or '=' is usual",
        "perbaiki TOML pada baris ini; biasanya tanda kutip, kurung, atau '=' yang hilang",
    ),
    "finding.parse-encoding": ("not UTF-8 text", "bukan teks UTF-8"),
    "finding.parse-encoding.hint": ("save the file as UTF-8", "simpan berkas sebagai UTF-8"),
    "finding.parse-too-deep": ("nested too deeply to read", "bersarang terlalu dalam untuk dibaca"),
    "finding.parse-too-large": ("file larger than 64 MiB", "berkas lebih besar dari 64 MiB"),
    "finding.schema-missing": (
        "required field {field} is missing",
        "kolom wajib {field} tidak ada",
    ),
    "finding.schema-type": (
        "{field} should be {expected}, found {found}",
        "{field} seharusnya {expected}, ditemukan {found}",
    ),
    "finding.schema-pattern": (
        "{field} {value!r} has the wrong shape",
        "{field} {value!r} bentuknya salah",
    ),
    "finding.schema-enum": (
        "{field} {value!r} is not one of {choices}",
        "{field} {value!r} bukan salah satu dari {choices}",
    ),
    "finding.schema-extra": ("unknown field {field}", "kolom tidak dikenal {field}"),
    "finding.schema-extra.hint": (
        "kept as it is; check the spelling if it was meant to be a known field",
        "dibiarkan apa adanya; periksa ejaannya bila dimaksudkan sebagai kolom yang dikenal",
    ),
    "finding.schema-version": (
        "schema {found} is newer than this pledgectl understands ({known})",
        "schema {found} lebih baru daripada yang dipahami pledgectl ini ({known})",
    ),
    "finding.schema-version.hint": ("upgrade pledgectl", "perbarui pledgectl"),
    "finding.schema-file-name": (
        "agency id {id!r} differs from the file name {file_id!r}",
        "id instansi {id!r} berbeda dengan nama berkas {file_id!r}",
    ),
    "finding.schema-file-name.hint": (
        "rename the file to {id}.toml or fix the id",
        "ganti nama berkas menjadi {id}.toml atau perbaiki id-nya",
    ),
}

MESSAGES.update(
    {
        "finding.ids-duplicate-agency": (
            "agency id {id!r} is also used by {other}",
            "id instansi {id!r} juga dipakai oleh {other}",
        ),
        "finding.ids-duplicate-declaration": (
            "declaration id {id!r} appears twice",
            "id deklarasi {id!r} muncul dua kali",
        ),
        "finding.ids-duplicate-declaration.hint": (
            "give each declaration its own id",
            "beri setiap deklarasi id sendiri",
        ),
        "finding.ids-unknown-kind": (
            "kind {kind!r} is not one of {choices}",
            "jenis {kind!r} bukan salah satu dari {choices}",
        ),
        "finding.ids-unknown-election": (
            "election {election!r} is not in pledgectl.toml",
            "pemilihan {election!r} tidak ada di pledgectl.toml",
        ),
        "finding.ids-unknown-election.hint": (
            "add an [[elections]] entry or fix the id",
            "tambahkan entri [[elections]] atau perbaiki id-nya",
        ),
        "finding.ids-dangling-parent": (
            "parent agency {parent!r} does not exist",
            "instansi induk {parent!r} tidak ada",
        ),
        "finding.ids-dangling-parent.hint": (
            "add the parent agency or fix the id",
            "tambahkan instansi induk atau perbaiki id-nya",
        ),
        "finding.nip-missing": (
            "{name} ({status}) has no NIP",
            "{name} ({status}) tidak memiliki NIP",
        ),
        "finding.nip-missing.hint": (
            "only statuses in policy.nip_optional_for may omit it",
            "hanya status dalam policy.nip_optional_for yang boleh tanpa NIP",
        ),
        "finding.nip-invalid": (
            "NIP {value} is not valid: {reason}",
            "NIP {value} tidak sah: {reason}",
        ),
        "finding.nip-status-mismatch": (
            "status {status} but the NIP has the {kind} shape",
            "status {status} tetapi NIP berbentuk {kind}",
        ),
        "finding.commitments-missing": (
            "does not cover checklist item(s): {missing}",
            "tidak mencakup butir daftar periksa: {missing}",
        ),
        "finding.commitments-missing.hint": (
            "add them to commitments = [...] if the declaration covered them",
            "tambahkan ke commitments = [...] bila deklarasi mencakupnya",
        ),
        "finding.commitments-unknown": (
            "commitment {item!r} is not a checklist item",
            "komitmen {item!r} bukan butir daftar periksa",
        ),
        "finding.witnesses-missing": (
            "no witness from {institution}",
            "tidak ada saksi dari {institution}",
        ),
        "finding.witnesses-missing.hint": (
            "record one with `pledgectl witness`",
            "catat dengan `pledgectl witness`",
        ),
        "finding.witnesses-unknown": (
            "institution {institution!r} is not in pledgectl.toml",
            "lembaga {institution!r} tidak ada di pledgectl.toml",
        ),
        "finding.witnesses-expired": (
            "{institution} could not witness after {until} (declaration dated {date})",
            "{institution} tidak dapat menjadi saksi setelah {until} (deklarasi bertanggal {date})",
        ),
        "finding.signatories-none": (
            "nobody has signed this declaration",
            "belum ada yang menandatangani deklarasi ini",
        ),
        "finding.signatories-none.hint": (
            "record signatories with `pledgectl sign` or `pledgectl import`",
            "catat penanda tangan dengan `pledgectl sign` atau `pledgectl import`",
        ),
        "finding.signatories-twice": (
            "{who} signed this declaration twice",
            "{who} menandatangani deklarasi ini dua kali",
        ),
        "finding.dates-future-date": (
            "date {date} is in the future",
            "tanggal {date} ada di masa depan",
        ),
        "finding.dates-late-declaration": (
            "declared on {date}, after {election}'s voting day {voting_day}",
            "dideklarasikan pada {date}, setelah hari pemungutan suara {election} {voting_day}",
        ),
        "finding.dates-signed-before": (
            "signed on {signed}, before the declaration's date {date}",
            "ditandatangani pada {signed}, sebelum tanggal deklarasi {date}",
        ),
        "finding.coverage-incomplete": (
            "no complete declaration for {election}",
            "tidak ada deklarasi lengkap untuk {election}",
        ),
        "finding.coverage-incomplete.hint": (
            "see the findings above; `pledgectl agency show` lists the declarations",
            "lihat temuan di atas; `pledgectl agency show` menampilkan deklarasinya",
        ),
        "finding.coverage-unsigned": (
            "{name} signed no complete declaration for {election}",
            "{name} belum menandatangani deklarasi lengkap untuk {election}",
        ),
        "finding.duplicates-name": (
            "NIP {nip_} is recorded as {name!r} here and as {other!r} at {where}",
            "NIP {nip_} tercatat sebagai {name!r} di sini dan sebagai {other!r} di {where}",
        ),
        "finding.duplicates-roster": (
            "NIP {nip_} is also on the roster of {other}",
            "NIP {nip_} juga ada di daftar pegawai {other}",
        ),
    }
)
