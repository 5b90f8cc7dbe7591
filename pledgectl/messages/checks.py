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
        "finding.nip-length": (
            "NIP {nip_} must be 18 digits (found {count} characters)",
            "NIP {nip_} harus 18 angka (ada {count} karakter)",
        ),
        "finding.nip-length.hint": (
            "write the NIP as a quoted string of 18 digits, without spaces or dots",
            "tulis NIP sebagai string 18 angka dalam tanda kutip, tanpa spasi atau titik",
        ),
        "finding.nip-birth": (
            "NIP {nip_}: birth date {value} is not a real past date",
            "NIP {nip_}: tanggal lahir {value} bukan tanggal nyata di masa lalu",
        ),
        "finding.nip-birth.hint": (
            "the first 8 digits are the birth date YYYYMMDD; compare with the staff record",
            "8 angka pertama adalah tanggal lahir YYYYMMDD; bandingkan dengan data kepegawaian",
        ),
        "finding.nip-appointment": (
            "NIP {nip_}: appointment month {value} is not a month",
            "NIP {nip_}: bulan pengangkatan {value} bukan bulan yang sah",
        ),
        "finding.nip-appointment.hint": (
            "digits 9-14 are the CPNS appointment YYYYMM",
            "angka ke-9 sampai ke-14 adalah bulan pengangkatan CPNS YYYYMM",
        ),
        "finding.nip-appointment-future": (
            "NIP {nip_}: appointment {value} is in the future",
            "NIP {nip_}: pengangkatan {value} ada di masa depan",
        ),
        "finding.nip-appointment-young": (
            "NIP {nip_}: appointment {value} is before the 18th birthday",
            "NIP {nip_}: pengangkatan {value} sebelum ulang tahun ke-18",
        ),
        "finding.nip-gender": (
            "NIP {nip_}: gender digit {value} must be 1 or 2",
            "NIP {nip_}: angka jenis kelamin {value} harus 1 atau 2",
        ),
        "finding.nip-sequence": (
            "NIP {nip_}: sequence 000 is never issued",
            "NIP {nip_}: nomor urut 000 tidak pernah diterbitkan",
        ),
        "finding.nip-pppk-count": (
            "NIP {nip_}: PPPK contract count {value} should be 1-9",
            "NIP {nip_}: hitungan kontrak PPPK {value} seharusnya 1-9",
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
            "the findings on this agency's declarations say what is missing; `pledgectl agency show` lists them",
            "temuan pada deklarasi instansi ini menunjukkan yang kurang; `pledgectl agency show` menampilkannya",
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

# The text, GitHub and JUnit renderers of a check run.
MESSAGES.update(
    {
        "check.agency-heading": (
            "{agency}: {errors} error(s), {warnings} warning(s)",
            "{agency}: {errors} galat, {warnings} peringatan",
        ),
        "check.summary-heading": ("Findings per check:", "Temuan per pemeriksaan:"),
        "check.summary-row": (
            "{errors} error(s), {warnings} warning(s)",
            "{errors} galat, {warnings} peringatan",
        ),
        "check.agencies": (
            "Agencies: {total} checked, {complete} complete, {incomplete} incomplete.",
            "Instansi: {total} diperiksa, {complete} lengkap, {incomplete} belum lengkap.",
        ),
        "check.agencies-not-assessed": (
            "Agencies: {total} checked; completeness not assessed (the coverage check did not run).",
            "Instansi: {total} diperiksa; kelengkapan tidak dinilai (pemeriksaan coverage tidak dijalankan).",
        ),
        "check.verdict-warnings": (
            "Verdict: complete, with warnings.",
            "Kesimpulan: lengkap, dengan peringatan.",
        ),
        "check.junit-failure": (
            "{count} finding(s) of the {check} check",
            "{count} temuan pemeriksaan {check}",
        ),
        "finding.ids-duplicate-agency.hint": (
            "each agency file must have its own agency id",
            "setiap berkas instansi harus memiliki id instansi sendiri",
        ),
        "finding.ids-unknown-kind.hint": (
            "use one of the kinds in policy.kinds, or add this one there",
            "gunakan salah satu jenis dalam policy.kinds, atau tambahkan jenis ini di sana",
        ),
        "finding.nip-status-mismatch.hint": (
            "PPPK numbers have 2 as the 13th digit; check the status or the NIP",
            "NIP PPPK memiliki angka 2 pada digit ke-13; periksa status atau NIP-nya",
        ),
        "finding.commitments-unknown.hint": (
            "use an id from [[checklist]] in pledgectl.toml, or add the item there",
            "gunakan id dari [[checklist]] di pledgectl.toml, atau tambahkan butirnya di sana",
        ),
        "finding.witnesses-unknown.hint": (
            "use an id from [[institutions]] in pledgectl.toml, or add the institution there",
            "gunakan id dari [[institutions]] di pledgectl.toml, atau tambahkan lembaganya di sana",
        ),
        "finding.witnesses-expired.hint": (
            "another institution must witness; its `until` date is set in pledgectl.toml",
            "lembaga lain harus menjadi saksi; tanggal `until` diatur di pledgectl.toml",
        ),
        "finding.signatories-twice.hint": (
            "remove the second record",
            "hapus catatan yang kedua",
        ),
        "finding.dates-future-date.hint": (
            "check the year; a declaration is recorded after it took place",
            "periksa tahunnya; deklarasi dicatat setelah berlangsung",
        ),
        "finding.dates-late-declaration.hint": (
            "check the date, or remove {election} from the declaration's elections",
            "periksa tanggalnya, atau hapus {election} dari daftar pemilihan deklarasi",
        ),
        "finding.dates-signed-before.hint": (
            "check the signed date, or the declaration's date",
            "periksa tanggal tanda tangan, atau tanggal deklarasinya",
        ),
        "finding.coverage-unsigned.hint": (
            "record the signature with `pledgectl sign`, or remove them from the roster if they left",
            "catat tanda tangannya dengan `pledgectl sign`, atau hapus dari daftar pegawai bila sudah pindah",
        ),
        "finding.duplicates-name.hint": (
            "a NIP belongs to one person: correct the NIP or the name on one side",
            "satu NIP milik satu orang: perbaiki NIP atau nama di salah satu sisi",
        ),
        "finding.duplicates-roster.hint": (
            "a person works for one agency: remove them from the roster they left",
            "seorang pegawai bekerja di satu instansi: hapus dari daftar pegawai instansi yang ditinggalkan",
        ),
    }
)
