"""Messages of the spreadsheet reader (:mod:`pledgectl.edit.tabular`), shared by the imports."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the file itself
    "tabular.file-missing": (
        "file not found: {path}",
        "berkas tidak ditemukan: {path}",
    ),
    "tabular.file-missing.hint": (
        "check the path and the file name, or give the full path to the file",
        "periksa path dan nama berkas, atau berikan path lengkap ke berkas itu",
    ),
    "tabular.not-a-file": (
        "{path} is a folder, not a file",
        "{path} adalah folder, bukan berkas",
    ),
    "tabular.not-a-file.hint": (
        "give the path of a CSV or XLSX file",
        "berikan path sebuah berkas CSV atau XLSX",
    ),
    "tabular.unreadable": (
        "cannot read {path}: {reason}",
        "tidak dapat membaca {path}: {reason}",
    ),
    "tabular.unreadable.hint": (
        "check that you may read the file and that no other program has it locked",
        "pastikan Anda berhak membaca berkas itu dan tidak ada program lain yang menguncinya",
    ),
    "tabular.unsupported-format": (
        "{path} is not a CSV or XLSX file",
        "{path} bukan berkas CSV atau XLSX",
    ),
    "tabular.unsupported-format.hint": (
        "in Excel or LibreOffice use Save As and choose 'CSV UTF-8' or 'Excel Workbook (.xlsx)'",
        "di Excel atau LibreOffice gunakan Simpan Sebagai lalu pilih 'CSV UTF-8' atau 'Buku Kerja Excel (.xlsx)'",
    ),
    "tabular.binary": (
        "{path} does not look like a text (CSV) file",
        "{path} tampaknya bukan berkas teks (CSV)",
    ),
    "tabular.binary.hint": (
        "open it in Excel or LibreOffice and save it again as 'CSV UTF-8' or as .xlsx",
        "buka di Excel atau LibreOffice lalu simpan ulang sebagai 'CSV UTF-8' atau .xlsx",
    ),
    "tabular.empty": (
        "{path} is empty: no header row and no data",
        "{path} kosong: tidak ada baris judul kolom maupun data",
    ),
    "tabular.empty.hint": (
        "put the column headers (e.g. NIP, Nama, Jabatan, Status) on the first row and one person on each row below",
        "tulis judul kolom (mis. NIP, Nama, Jabatan, Status) di baris pertama dan satu orang di setiap baris di bawahnya",
    ),
    "tabular.csv-malformed": (
        "{path}: the CSV cannot be read near line {line}: {reason}",
        "{path}: CSV tidak dapat dibaca di sekitar baris {line}: {reason}",
    ),
    "tabular.csv-malformed.hint": (
        "look for an unclosed quote (\") near that line, or open the file in a spreadsheet and save it again as 'CSV UTF-8'",
        "cari tanda kutip (\") yang tidak ditutup di sekitar baris itu, atau buka berkas di lembar kerja lalu simpan ulang sebagai 'CSV UTF-8'",
    ),
    "tabular.xlsx-unreadable": (
        "{path} cannot be read as a spreadsheet: {reason}",
        "{path} tidak dapat dibaca sebagai lembar kerja: {reason}",
    ),
    "tabular.xlsx-unreadable.hint": (
        "the file may be damaged or not really an Excel file; open it in Excel or LibreOffice and save it again as .xlsx, or export it as 'CSV UTF-8'",
        "berkas mungkin rusak atau sebenarnya bukan berkas Excel; buka di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx, atau ekspor sebagai 'CSV UTF-8'",
    ),
    "tabular.xlsx-password": (
        "{path} is protected with a password",
        "{path} dilindungi kata sandi",
    ),
    "tabular.xlsx-password.hint": (
        "remove the password in Excel (File > Info > Protect Workbook) and save again, or export the sheet as 'CSV UTF-8'",
        "hapus kata sandi di Excel (File > Info > Lindungi Buku Kerja) lalu simpan lagi, atau ekspor lembar kerja sebagai 'CSV UTF-8'",
    ),
    # headers
    "tabular.missing-column": (
        "{path}: no column for {columns}; headers found: {found}",
        "{path}: tidak ada kolom untuk {columns}; judul kolom yang ditemukan: {found}",
    ),
    "tabular.missing-column.hint": (
        "add the column, or rename its header to one of the accepted names (any case or spacing): {accepted}",
        "tambahkan kolom itu, atau ganti judul kolomnya dengan salah satu nama yang diterima (huruf besar/kecil dan spasi bebas): {accepted}",
    ),
    "tabular.no-headers": (
        "(none)",
        "(tidak ada)",
    ),
    "tabular.ignored-columns": (
        "columns not recognised, ignored: {columns}",
        "kolom tidak dikenali, diabaikan: {columns}",
    ),
    "tabular.duplicate-column": (
        "columns {first} and {second} both hold {field}; {first} is used, {second} is ignored",
        "kolom {first} dan {second} sama-sama berisi {field}; {first} dipakai, {second} diabaikan",
    ),
    "tabular.header-row": (
        "column headers read from row {row}; the rows above it were skipped",
        "judul kolom dibaca dari baris {row}; baris-baris di atasnya dilewati",
    ),
    "tabular.sheet-used": (
        "the first sheet has no recognised column headers; read sheet {sheet} instead",
        "lembar kerja pertama tidak memiliki judul kolom yang dikenali; yang dibaca lembar kerja {sheet}",
    ),
    "tabular.numbering-row-skipped": (
        "row {row} only numbers the columns (1, 2, 3, ...) and was skipped",
        "baris {row} hanya berisi nomor kolom (1, 2, 3, ...) dan dilewati",
    ),
    "tabular.repeated-header-skipped": (
        "rows {rows} repeat the column headers and were skipped",
        "baris {rows} mengulang judul kolom dan dilewati",
    ),
    # encodings and formats
    "tabular.encoding-fallback": (
        "{path} is not UTF-8 and was read as {encoding}; check that names with special letters look right",
        "{path} bukan UTF-8 dan dibaca sebagai {encoding}; periksa apakah nama dengan huruf khusus tampil dengan benar",
    ),
    "tabular.encoding-fallback.hint": (
        "save the file as 'CSV UTF-8' to avoid this warning",
        "simpan berkas sebagai 'CSV UTF-8' agar peringatan ini tidak muncul",
    ),
    "tabular.format-detected": (
        "{path} is really a {format} file despite its name and was read as one",
        "{path} sebenarnya berkas {format} walau namanya berbeda, dan dibaca sebagai {format}",
    ),
    # cells
    "tabular.nip-lost-digits": (
        "NIP {value} in column {column} has lost digits: the spreadsheet stored it as a number and kept only 15 significant digits",
        "NIP {value} di kolom {column} kehilangan digit: lembar kerja menyimpannya sebagai angka dan hanya menyimpan 15 digit bermakna",
    ),
    "tabular.nip-lost-digits.hint": (
        "format the {column} column as Text (Format Cells > Text), type or paste the full 18-digit NIPs again, and export the file again",
        "format kolom {column} sebagai Teks (Format Sel > Teks), ketik atau tempel ulang NIP lengkap 18 digit, lalu ekspor ulang berkasnya",
    ),
    # canonical field names, for messages that name a field
    "tabular.field.nip": ("NIP", "NIP"),
    "tabular.field.name": ("name", "nama"),
    "tabular.field.position": ("position", "jabatan"),
    "tabular.field.status": ("status", "status"),
    "tabular.field.unit": ("work unit", "unit kerja"),
    "tabular.field.date": ("date signed", "tanggal tanda tangan"),
}
