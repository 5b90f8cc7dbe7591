"""Messages of the core: values, NIP rules, settings, storage, recording."""

MESSAGES: dict[str, tuple[str, str]] = {
    # values typed or imported by a user
    "value.agency-id": (
        "agency id {value!r} is not valid",
        "id instansi {value!r} tidak sah",
    ),
    "value.agency-id.hint": (
        "use lowercase letters, digits and dashes, starting with a letter or digit, at most 64 characters (e.g. pekanbaru-bkpsdm)",
        "gunakan huruf kecil, angka, dan tanda hubung, diawali huruf atau angka, paling banyak 64 karakter (mis. pekanbaru-bkpsdm)",
    ),
    "value.record-id": (
        "declaration id {value!r} is not valid",
        "id deklarasi {value!r} tidak sah",
    ),
    "value.record-id.hint": (
        "use lowercase letters, digits and dashes, at most 64 characters (e.g. ikrar-2023-11-29)",
        "gunakan huruf kecil, angka, dan tanda hubung, paling banyak 64 karakter (mis. ikrar-2023-11-29)",
    ),
    "value.required": ("{field} is required", "{field} wajib diisi"),
    "value.required.hint": (
        "give {field}, or run the command on a terminal to be asked for it",
        "isi {field}, atau jalankan perintah di terminal agar ditanyakan",
    ),
    "value.text": (
        "{field} {value!r} must be one line without control characters, at most {limit} characters",
        "{field} {value!r} harus satu baris tanpa karakter kendali, paling banyak {limit} karakter",
    ),
    "value.region": (
        "region code {value!r} is not a Kemendagri code",
        "kode wilayah {value!r} bukan kode Kemendagri",
    ),
    "value.region.hint": (
        "write PP, PP.KK or PP.KK.CC, e.g. 14 (Riau), 14.71 (Kota Pekanbaru), 14.71.01",
        "tulis PP, PP.KK, atau PP.KK.CC, mis. 14 (Riau), 14.71 (Kota Pekanbaru), 14.71.01",
    ),
    "value.date": (
        "{field} {value!r} is not a date",
        "{field} {value!r} bukan tanggal",
    ),
    "value.date.hint": (
        "write the date as YYYY-MM-DD, e.g. 2023-11-29",
        "tulis tanggal dalam bentuk YYYY-MM-DD, mis. 2023-11-29",
    ),
    "value.status": (
        "status {value!r} is not one of {choices}",
        "status {value!r} bukan salah satu dari {choices}",
    ),
    "value.status.hint": (
        "use PNS, PPPK or NON-ASN (THL and honorer staff are NON-ASN)",
        "gunakan PNS, PPPK, atau NON-ASN (THL dan honorer termasuk NON-ASN)",
    ),
    "value.nip": ("NIP {value!r} is not valid: {reason}", "NIP {value!r} tidak sah: {reason}"),
    "value.nip.hint": (
        "a NIP has 18 digits: birth date YYYYMMDD, appointment YYYYMM (PPPK: YYYY2F), gender 1 or 2, sequence 001-999",
        "NIP terdiri atas 18 angka: tanggal lahir YYYYMMDD, pengangkatan YYYYMM (PPPK: YYYY2F), jenis kelamin 1 atau 2, nomor urut 001-999",
    ),
    "value.nip-required": (
        "a NIP is required for status {status}",
        "NIP wajib untuk status {status}",
    ),
    "value.nip-required.hint": (
        "give --nip; only statuses listed in policy.nip_optional_for (pledgectl.toml) may omit it",
        "isi --nip; hanya status dalam policy.nip_optional_for (pledgectl.toml) yang boleh tanpa NIP",
    ),
    "value.kind": (
        "kind {value!r} is not one of {choices}",
        "jenis {value!r} bukan salah satu dari {choices}",
    ),
    "value.kind.hint": (
        "use a kind listed in policy.kinds of pledgectl.toml, or add it there",
        "gunakan jenis dalam policy.kinds di pledgectl.toml, atau tambahkan di sana",
    ),
    "value.election": (
        "election {value!r} is not one of {choices}",
        "pemilihan {value!r} bukan salah satu dari {choices}",
    ),
    "value.election.hint": (
        "use an election id from pledgectl.toml, or add an [[elections]] entry there",
        "gunakan id pemilihan dari pledgectl.toml, atau tambahkan entri [[elections]] di sana",
    ),
    "value.commitment": (
        "commitment {value!r} is not a checklist item ({choices})",
        "komitmen {value!r} bukan butir daftar periksa ({choices})",
    ),
    "value.commitment.hint": (
        "use an id from [[checklist]] in pledgectl.toml",
        "gunakan id dari [[checklist]] di pledgectl.toml",
    ),
    "value.institution": (
        "institution {value!r} is not one of {choices}",
        "lembaga {value!r} bukan salah satu dari {choices}",
    ),
    "value.institution.hint": (
        "use an id from [[institutions]] in pledgectl.toml, or add it there",
        "gunakan id dari [[institutions]] di pledgectl.toml, atau tambahkan di sana",
    ),
    "value.unknown-agency": (
        "no agency {agency!r} in this registry",
        "tidak ada instansi {agency!r} di registri ini",
    ),
    "value.unknown-agency.hint": (
        "see `pledgectl agency list`, or add it with `pledgectl agency add`",
        "lihat `pledgectl agency list`, atau tambahkan dengan `pledgectl agency add`",
    ),
    "value.unknown-agency-any": (
        "no agency {agency!r} in any of the {count} registries given",
        "tidak ada instansi {agency!r} di {count} registri yang diberikan",
    ),
    "value.unknown-agency-any.hint": (
        "see `pledgectl agency list --registry PATH` for each",
        "lihat `pledgectl agency list --registry PATH` untuk masing-masing",
    ),
    "value.unknown-parent": (
        "parent agency {parent!r} is not in this registry",
        "instansi induk {parent!r} tidak ada di registri ini",
    ),
    "value.unknown-parent.hint": (
        "add the parent agency first, or leave out --parent",
        "tambahkan instansi induk terlebih dahulu, atau hilangkan --parent",
    ),
    "value.unknown-declaration": (
        "agency {agency!r} has no declaration {declaration!r} (it has: {choices})",
        "instansi {agency!r} tidak memiliki deklarasi {declaration!r} (yang ada: {choices})",
    ),
    "value.unknown-declaration.hint": (
        "see `pledgectl agency show {agency}`, or record it with `pledgectl declare`",
        "lihat `pledgectl agency show {agency}`, atau catat dengan `pledgectl declare`",
    ),
    # NIP rules
    "nip.length": (
        "it must be 18 digits (found {count} characters)",
        "harus 18 angka (ada {count} karakter)",
    ),
    "nip.birth": (
        "birth date {value} is not a real past date",
        "tanggal lahir {value} bukan tanggal nyata di masa lalu",
    ),
    "nip.pppk-count": (
        "PPPK contract count {value} must be 1-9",
        "hitungan kontrak PPPK {value} harus 1-9",
    ),
    "nip.appointment": (
        "appointment month {value} is not a month",
        "bulan pengangkatan {value} bukan bulan yang sah",
    ),
    "nip.appointment-future": (
        "appointment {value} is in the future",
        "pengangkatan {value} ada di masa depan",
    ),
    "nip.appointment-young": (
        "appointment {value} is before the 18th birthday",
        "pengangkatan {value} sebelum ulang tahun ke-18",
    ),
    "nip.gender": (
        "gender digit {value} must be 1 or 2",
        "angka jenis kelamin {value} harus 1 atau 2",
    ),
    "nip.sequence": ("sequence 000 is not issued", "nomor urut 000 tidak pernah diterbitkan"),
    # rules that warn at entry and are reported by check
    "rule.future-date": ("date {date} is in the future", "tanggal {date} ada di masa depan"),
    "rule.late-declaration": (
        "declared on {date}, after {election}'s voting day {voting_day}",
        "dideklarasikan pada {date}, setelah hari pemungutan suara {election} {voting_day}",
    ),
    "rule.witness-expired": (
        "{institution} could not witness after {until} (declaration dated {date})",
        "{institution} tidak dapat menjadi saksi setelah {until} (deklarasi bertanggal {date})",
    ),
    "rule.signed-before": (
        "signed on {signed}, before the declaration's date {date}",
        "ditandatangani pada {signed}, sebelum tanggal deklarasi {date}",
    ),
    "rule.no-commitments": (
        "the declaration covers no checklist item; `pledgectl check` will report it",
        "deklarasi tidak mencakup butir daftar periksa; `pledgectl check` akan melaporkannya",
    ),
    # settings
    "settings.invalid": (
        "{file}:{line}: {field} has an invalid value {value!r}",
        "{file}:{line}: {field} bernilai tidak sah {value!r}",
    ),
    "settings.invalid.hint": (
        "compare with the settings `pledgectl init` writes, or `pledgectl schema --settings`",
        "bandingkan dengan pengaturan yang ditulis `pledgectl init`, atau `pledgectl schema --settings`",
    ),
    "settings.encoding": (
        "{file} is not UTF-8 (byte {offset})",
        "{file} bukan UTF-8 (bita {offset})",
    ),
    "settings.encoding.hint": ("save the file as UTF-8", "simpan berkas sebagai UTF-8"),
    "settings.parse": (
        "{file}:{line}:{col}: not valid TOML: {reason}",
        "{file}:{line}:{col}: bukan TOML yang sah: {reason}",
    ),
    "settings.parse.hint": (
        "fix the TOML at that line (a missing quote or bracket is usual)",
        "perbaiki TOML pada baris itu (biasanya tanda kutip atau kurung yang hilang)",
    ),
    "settings.newer": (
        "{file} has schema {found}, newer than this pledgectl understands ({known})",
        "{file} memiliki schema {found}, lebih baru daripada yang dipahami pledgectl ini ({known})",
    ),
    "settings.newer.hint": ("upgrade pledgectl", "perbarui pledgectl"),
    "settings.missing": ("no settings file {file}", "tidak ada berkas pengaturan {file}"),
    "settings.missing.hint": (
        "create a registry with `pledgectl init`",
        "buat registri dengan `pledgectl init`",
    ),
    "settings.unreadable": ("cannot read {file}: {reason}", "tidak dapat membaca {file}: {reason}"),
    # registry discovery
    "registry.not-at": (
        "no registry at {path} (no pledgectl.toml there)",
        "tidak ada registri di {path} (tidak ada pledgectl.toml)",
    ),
    "registry.not-at.hint": (
        "check --registry, or create one with `pledgectl init {path}`",
        "periksa --registry, atau buat dengan `pledgectl init {path}`",
    ),
    "registry.env-not-at": (
        "PLEDGECTL_REGISTRY points to {path}, which has no pledgectl.toml",
        "PLEDGECTL_REGISTRY menunjuk ke {path}, yang tidak memiliki pledgectl.toml",
    ),
    "registry.env-not-at.hint": (
        "fix or unset PLEDGECTL_REGISTRY",
        "perbaiki atau hapus PLEDGECTL_REGISTRY",
    ),
    "registry.not-found": ("no registry found", "registri tidak ditemukan"),
    "registry.not-found.hint": (
        "run inside a registry, pass --registry PATH, set PLEDGECTL_REGISTRY, or create one with `pledgectl init`",
        "jalankan di dalam registri, beri --registry PATH, atur PLEDGECTL_REGISTRY, atau buat dengan `pledgectl init`",
    ),
    # reading and writing files
    "reader.missing": ("file {file} does not exist", "berkas {file} tidak ada"),
    "reader.unreadable": ("cannot read {file}: {reason}", "tidak dapat membaca {file}: {reason}"),
    "storage.locked": (
        "{file} is being written by another pledgectl (waited {seconds} s)",
        "{file} sedang ditulis oleh pledgectl lain (sudah menunggu {seconds} dtk)",
    ),
    "storage.locked.hint": (
        "try again when the other command has finished; a lock of a killed process is released by the system",
        "coba lagi setelah perintah lain selesai; kunci milik proses yang mati dilepas oleh sistem",
    ),
    "storage.lock-failed": (
        "cannot lock {file}: {reason}",
        "tidak dapat mengunci {file}: {reason}",
    ),
    "storage.lock-failed.hint": (
        "check that the registry folder is writable",
        "pastikan folder registri dapat ditulisi",
    ),
    "storage.symlink": (
        "{file} is a symbolic link; pledgectl never writes through one",
        "{file} adalah tautan simbolik; pledgectl tidak pernah menulis melaluinya",
    ),
    "storage.symlink.hint": (
        "replace the link with the real file",
        "ganti tautan dengan berkas aslinya",
    ),
    "storage.outside": (
        "{folder} leads outside the registry (a symbolic link); pledgectl writes only inside it",
        "{folder} mengarah ke luar registri (tautan simbolik); pledgectl hanya menulis di dalamnya",
    ),
    "storage.outside.hint": (
        "replace the link with a real agencies/ folder inside the registry",
        "ganti tautan itu dengan folder agencies/ sungguhan di dalam registri",
    ),
    "storage.not-a-file": ("{file} is not a regular file", "{file} bukan berkas biasa"),
    "storage.exists": ("{file} already exists", "{file} sudah ada"),
    "storage.write-failed": (
        "cannot write {file}: {reason}",
        "tidak dapat menulis {file}: {reason}",
    ),
    "storage.write-failed.hint": (
        "check free disk space and permissions; the file is unchanged",
        "periksa ruang disk dan izin; berkas tidak berubah",
    ),
    # recording
    "edit.not-utf8": (
        "{file} is not UTF-8 text; nothing was written",
        "{file} bukan teks UTF-8; tidak ada yang ditulis",
    ),
    "edit.not-utf8.hint": (
        "run `pledgectl check` to see where",
        "jalankan `pledgectl check` untuk melihat letaknya",
    ),
    "edit.newer-schema": (
        "{file} has schema {found}, newer than this pledgectl ({known}); it is left as it is",
        "{file} memiliki schema {found}, lebih baru daripada pledgectl ini ({known}); berkas dibiarkan",
    ),
    "edit.newer-schema.hint": ("upgrade pledgectl", "perbarui pledgectl"),
    "edit.inline-records": (
        "{file} writes records as inline arrays, which cannot be appended to",
        "{file} menulis rekaman sebagai larik sebaris, yang tidak dapat ditambah",
    ),
    "edit.inline-records.hint": (
        "run `pledgectl fmt` to rewrite them as [[...]] tables, then try again",
        "jalankan `pledgectl fmt` untuk menulis ulang sebagai tabel [[...]], lalu coba lagi",
    ),
    "edit.agency-exists": (
        "agency {agency!r} already exists ({file})",
        "instansi {agency!r} sudah ada ({file})",
    ),
    "edit.agency-exists.hint": (
        "choose another id, or see it with `pledgectl agency show {agency}`",
        "pilih id lain, atau lihat dengan `pledgectl agency show {agency}`",
    ),
    "edit.witness-exists.hint": (
        "each witness is recorded once; see `pledgectl agency show`",
        "setiap saksi dicatat sekali; lihat `pledgectl agency show`",
    ),
    "value.text.hint": (
        "shorten the text and keep it on one line",
        "persingkat teks dan tulis dalam satu baris",
    ),
    "storage.not-a-file.hint": (
        "move it away; agency files are plain files",
        "pindahkan; berkas instansi harus berkas biasa",
    ),
    "storage.exists.hint": ("choose another name", "pilih nama lain"),
    "reader.missing.hint": ("check the path", "periksa jalurnya"),
    "reader.unreadable.hint": (
        "check the file's permissions",
        "periksa izin berkas",
    ),
    "settings.unreadable.hint": ("check the file's permissions", "periksa izin berkas"),
    "init.mkdir-failed.hint": (
        "check that the parent folder exists and is writable",
        "pastikan folder induk ada dan dapat ditulisi",
    ),
    "init.bad-seed.hint": ("reinstall pledgectl", "pasang ulang pledgectl"),
    "edit.declaration-exists": (
        "agency {agency!r} already has a declaration {declaration!r}",
        "instansi {agency!r} sudah memiliki deklarasi {declaration!r}",
    ),
    "edit.declaration-exists.hint": (
        "choose another --id, or leave it out",
        "pilih --id lain, atau hilangkan",
    ),
    "edit.witness-exists": (
        "{name} already witnesses {declaration}",
        "{name} sudah menjadi saksi {declaration}",
    ),
    "edit.already-signed": (
        "{who} has already signed {declaration}",
        "{who} sudah menandatangani {declaration}",
    ),
    "edit.already-signed.hint": (
        "each person signs a declaration once; see `pledgectl agency show`",
        "setiap orang menandatangani satu deklarasi sekali; lihat `pledgectl agency show`",
    ),
    "edit.nip-conflict": (
        "NIP {nip} is recorded as {recorded!r} but given as {given!r} ({count} conflict(s)); nothing was written",
        "NIP {nip} tercatat sebagai {recorded!r} tetapi diberikan sebagai {given!r} ({count} konflik); tidak ada yang ditulis",
    ),
    "edit.nip-conflict.hint": (
        "correct the name in the file you import, or the recorded one by hand",
        "perbaiki nama di berkas yang diimpor, atau nama yang tercatat secara manual",
    ),
    # init and fmt
    "init.exists": (
        "{file} already exists; nothing was changed",
        "{file} sudah ada; tidak ada yang diubah",
    ),
    "init.exists.hint": ("choose another folder", "pilih folder lain"),
    "init.mkdir-failed": ("cannot create {path}: {reason}", "tidak dapat membuat {path}: {reason}"),
    "init.bad-seed": ("demo file {file} is broken", "berkas contoh {file} rusak"),
    "init.done": (
        "created registry {path} ({agencies} demo agencies)",
        "registri {path} dibuat ({agencies} instansi contoh)",
    ),
    "fmt.unparseable": (
        "{file}: not valid TOML (line {line}); left as it is",
        "{file}: bukan TOML yang sah (baris {line}); dibiarkan",
    ),
    "fmt.newer-schema": (
        "{file}: schema {found} is newer than this pledgectl; left as it is",
        "{file}: schema {found} lebih baru daripada pledgectl ini; dibiarkan",
    ),
    "fmt.would-change": ("{file}: not in canonical form", "{file}: belum dalam bentuk kanonik"),
    "fmt.changed": ("formatted {file}", "{file} diformat"),
    "fmt.ok": (
        "{count} agency file(s) in canonical form",
        "{count} berkas instansi dalam bentuk kanonik",
    ),
    # recording confirmations and listings
    "agency.added": ("added agency {agency} ({file})", "instansi {agency} ditambahkan ({file})"),
    "agency.unreadable": (
        "(unreadable: run pledgectl check)",
        "(tidak terbaca: jalankan pledgectl check)",
    ),
    "agency.unparseable": (
        "{file}:{line}:{col}: not valid TOML",
        "{file}:{line}:{col}: bukan TOML yang sah",
    ),
    "agency.unparseable.hint": (
        "run `pledgectl check` for details",
        "jalankan `pledgectl check` untuk rinciannya",
    ),
    "declare.done": (
        "recorded declaration {declaration} for {agency}",
        "deklarasi {declaration} untuk {agency} dicatat",
    ),
    "witness.done": (
        "recorded witness {name} ({institution}) for {declaration}",
        "saksi {name} ({institution}) untuk {declaration} dicatat",
    ),
    "sign.done": (
        "recorded signature of {name} ({who}) on {declaration}",
        "tanda tangan {name} ({who}) pada {declaration} dicatat",
    ),
    "prompt.status": ("Status (PNS, PPPK, NON-ASN)", "Status (PNS, PPPK, NON-ASN)"),
    "prompt.nip": ("NIP (18 digits)", "NIP (18 angka)"),
    "prompt.name": ("Full name", "Nama lengkap"),
    "prompt.position": ("Position (optional)", "Jabatan (boleh kosong)"),
    "prompt.date": (
        "Date signed, YYYY-MM-DD (optional)",
        "Tanggal tanda tangan, YYYY-MM-DD (boleh kosong)",
    ),
    "col.id": ("id", "id"),
    "col.name": ("name", "nama"),
    "col.region": ("region", "wilayah"),
    "col.parent": ("parent", "induk"),
    "col.declarations": ("declarations", "deklarasi"),
    "col.roster": ("roster", "daftar pegawai"),
    "col.witness": ("witness", "saksi"),
    "col.signatories": ("signatories", "penanda tangan"),
}
