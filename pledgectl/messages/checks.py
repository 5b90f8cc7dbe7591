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
    "finding.schema-missing": ("required field {field} is missing", "kolom wajib {field} tidak ada"),
    "finding.schema-type": (
        "{field} should be {expected}, found {found}",
        "{field} seharusnya {expected}, ditemukan {found}",
    ),
    "finding.schema-pattern": ("{field} {value!r} has the wrong shape", "{field} {value!r} bentuknya salah"),
    "finding.schema-enum": ("{field} {value!r} is not one of {choices}", "{field} {value!r} bukan salah satu dari {choices}"),
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
