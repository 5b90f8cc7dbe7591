"""Make the staff lists of ``tests/data/`` as offices have them (run: ``python tests/data/generate.py``).

The files are committed; this script says how each was made, so a reader can
see what is in a binary workbook, and remakes them when a case is added. The
names and NIPs are invented; every NIP follows BKN's rules unless the file is
about a broken one. What each file should do on import is in ``EXPECTED``
(read by ``tests/edit/test_staff_lists.py``).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# file -> what `import` / `roster import` should do with it, into the example registry's
# pekanbaru-bkpsdm (a roster of 15, a declaration signed by 12 of them).
EXPECTED: dict[str, dict[str, Any]] = {
    "siasn_export.xlsx": {
        "what": "BKN SIASN export: title rows, NIP_LAMA and NIP_BARU, GELAR_DEPAN/BELAKANG,"
        " GOL_AKHIR_NAMA, JABATAN_NAMA, UNOR_NAMA, KEDUDUKAN_HUKUM_NAMA (PNS, CPNS, P3K), NIK",
        "added": 5,
        "note": "NIP_BARU",
        "person": {
            "nip": "198905172015032004",
            "name": "Dr. Hj. SITI RAHMAH LUBIS, S.Sos., M.Si.",
            "status": "PNS",
            "grade": "Penata (III/c)",
            "nik": "1471025705890003",
        },
    },
    "simpeg_cp1252.csv": {
        "what": "local SIMPEG sheet saved by Excel as CSV: Windows-1252, ';', PANGKAT and"
        " GOLONGAN columns, status spellings PNS / CPNS / PPPK Paruh Waktu",
        "added": 4,
        "note": "Windows-1252",
        "person": {"name": "Désy Ramadhani", "status": "PPPK", "grade": "Penata Muda, III/a"},
    },
    "thl_names.csv": {
        "what": "THL (tenaga harian lepas) list: names and positions only",
        "refused": "no NIP column and no status column",
        "refused_id": "tidak ada kolom NIP dan tidak ada kolom status",
        "with_status": "NON-ASN",
        "added": 4,
    },
    "nip_lama_baru.csv": {
        "what": "both the old 9-digit NIP and NIP BARU; the old one comes first",
        "added": 3,
        "note": "NIP BARU",
        "person": {"nip": "199208142019032011", "name": "Putri Ayu Lestari, S.E."},
    },
    "float_nips.xlsx": {
        "what": "NIPs stored as numbers by Excel (1.98...E+17): the last digits are lost",
        "refused": "lost digits",
        "refused_id": "kehilangan digit",
    },
    "signature_block.csv": {
        "what": "a staff list ending in the head's signature block (place and date, title,"
        " name, NIP. ...)",
        "added": 3,
        "note": "signature block",
        "note_id": "blok tanda tangan",
    },
    "nip_two_names.csv": {
        "what": "one NIP under two names within the file",
        "refused": "two names",
        "refused_id": "dua nama",
    },
    "no_induk.csv": {
        "what": "the NIP under a header the tool does not know ('No. Induk'), no status column",
        "added": 2,
        "note": "No. Induk",
        "person": {"nip": "198711232010011005", "status": "PNS"},
    },
}

SIASN_HEADER = [
    "NO", "PNS_ID", "NIP_LAMA", "NIP_BARU", "NAMA", "GELAR_DEPAN", "GELAR_BELAKANG", "NIK",
    "GOL_AKHIR_NAMA", "JABATAN_NAMA", "UNOR_NAMA", "UNOR_INDUK_NAMA", "KEDUDUKAN_HUKUM_NAMA",
]  # fmt: skip
SIASN_ROWS = [
    [1, "A8F1", "010234561", "198905172015032004", "SITI RAHMAH LUBIS", "Dr. Hj.",
     "S.Sos., M.Si.", "1471025705890003", "Penata (III/c)", "Analis Kepegawaian Ahli Muda",
     "Bidang Mutasi", "BKPSDM Kota Pekanbaru", "PNS"],
    [2, "A8F2", "010234562", "199102032020121005", "ANDI SAPUTRA", "", "S.Kom.", "",
     "Penata Muda (III/a)", "Pranata Komputer Ahli Pertama", "Bidang Informasi",
     "BKPSDM Kota Pekanbaru", "PNS"],
    [3, "A8F3", "", "199807212027011002", "FAJAR NUGROHO", "", "S.T.", "",
     "Penata Muda (III/a)", "Analis SDM Aparatur", "Bidang Pengadaan",
     "BKPSDM Kota Pekanbaru", "CPNS"],
    [4, "A8F4", "", "199003142023212007", "WULAN SARI", "", "S.Pd.", "",
     "IX", "Penata Layanan Operasional", "Sekretariat", "BKPSDM Kota Pekanbaru", "P3K"],
    [5, "A8F5", "010234565", "197508171999031003", "BAMBANG SUTRISNO", "Ir. H.", "M.M.", "",
     "Pembina (IV/a)", "Kepala Bidang Mutasi", "Bidang Mutasi", "BKPSDM Kota Pekanbaru",
     "PNS"],
]  # fmt: skip


def siasn_export(path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Data Pegawai")
    sheet.write(0, 0, "DAFTAR PEGAWAI NEGERI SIPIL DAN PPPK")
    sheet.write(1, 0, "BADAN KEPEGAWAIAN DAN SUMBER DAYA MANUSIA KOTA PEKANBARU")
    sheet.write(2, 0, "Keadaan per 30 November 2023 (sumber: SIASN BKN)")
    for col, header in enumerate(SIASN_HEADER):
        sheet.write_string(4, col, header)
    for r, row in enumerate(SIASN_ROWS, start=5):
        for col, value in enumerate(row):
            if isinstance(value, int):
                sheet.write_number(r, col, value)
            else:
                sheet.write_string(r, col, value)  # NIPs and NIKs as text, as SIASN writes them
    book.close()


def simpeg_cp1252(path: Path) -> None:
    rows = [
        ["NO", "NIP", "NAMA", "PANGKAT", "GOLONGAN", "JABATAN", "UNIT KERJA", "STATUS PEGAWAI"],
        ["1", "198212102006041008", "Hendra Gunawan, S.H.", "Penata Tingkat I", "III/d",
         "Kepala Subbagian Umum", "Sekretariat", "PNS"],
        ["2", "199404252019022003", "Rina Marlina, A.Md.", "Pengatur", "II/c",
         "Pengelola Data", "Bidang Informasi", "pns"],
        ["3", "199311292027012001", "Nadia Putri, S.Psi.", "Penata Muda", "III/a",
         "Psikolog Klinis Ahli Pertama", "Bidang Pengembangan", "C P N S"],
        ["4", "199206302024212003", "Désy Ramadhani", "Penata Muda", "III/a",
         "Operator Layanan", "Sekretariat", "PPPK Paruh Waktu"],
    ]  # fmt: skip
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("cp1252"))


def thl_names(path: Path) -> None:
    path.write_text(
        "Nama;Jabatan\n"
        "Joko Susilo;Pengemudi\n"
        "Sri Handayani;Petugas Kebersihan\n"
        "Ahmad Fauzi;Petugas Keamanan\n"
        "Lestari Wulandari;Pramubakti\n",
        encoding="utf-8",
    )


def nip_lama_baru(path: Path) -> None:
    path.write_text(
        "NO,NIP,NIP BARU,NAMA,JABATAN,STATUS\n"
        '1,010245671,199208142019032011,"Putri Ayu Lestari, S.E.",Analis Keuangan,PNS\n'
        "2,010245672,198601092010011004,Rudi Hartono,Pengelola Barang,PNS\n"
        '3,010245673,199510052020122006,"Maya Sari, S.Kom.",Pranata Komputer,PNS\n',
        encoding="utf-8",
    )


def float_nips(path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for col, header in enumerate(["No", "NIP", "Nama", "Status"]):
        sheet.write_string(0, col, header)
    people = [
        (198503122010011002, "Budi Santoso"),
        (199001152015032005, "Ani Yulianti"),
        (198811202012121003, "Dedi Kurniawan"),
    ]
    for r, (nip, name) in enumerate(people, start=1):
        sheet.write_number(r, 0, r)
        sheet.write_number(r, 1, float(nip))  # what Excel does to a NIP typed into a number cell
        sheet.write_string(r, 2, name)
        sheet.write_string(r, 3, "PNS")
    book.close()


def signature_block(path: Path) -> None:
    path.write_text(
        "No,NIP,Nama,Jabatan,Status\n"
        '1,198304172008011003,"Eko Prasetyo, S.Sos.",Kepala Seksi,PNS\n'
        "2,199107222015032002,Dewi Anggraini,Analis,PNS\n"
        '3,199402112022211004,"Bayu Pratama, S.T.",Teknisi,PPPK\n'
        ",,,,\n"
        ',,"Pekanbaru, 30 November 2023",,\n'
        ",,Kepala BKPSDM Kota Pekanbaru,,\n"
        ",,,,\n"
        ",,,,\n"
        ',,"Dr. H. Zulkarnain Effendi, S.Sos., M.Si.",,\n'
        ",,NIP. 197203111997031002,,\n",
        encoding="utf-8",
    )


def nip_two_names(path: Path) -> None:
    path.write_text(
        "NIP,Nama,Status\n"
        "198905052014021001,Agus Salim,PNS\n"
        "199112122016032004,Fitri Yani,PNS\n"
        "198905052014021001,Agus Setiawan,PNS\n",
        encoding="utf-8",
    )


def no_induk(path: Path) -> None:
    path.write_text(
        "No.,No. Induk,Nama Pegawai,Jabatan\n"
        "1,198711232010011005,Irwan Syahputra,Analis\n"
        "2,199305302019031002,Taufik Hidayat,Pengolah Data\n",
        encoding="utf-8",
    )


MAKERS = {
    "siasn_export.xlsx": siasn_export,
    "simpeg_cp1252.csv": simpeg_cp1252,
    "thl_names.csv": thl_names,
    "nip_lama_baru.csv": nip_lama_baru,
    "float_nips.xlsx": float_nips,
    "signature_block.csv": signature_block,
    "nip_two_names.csv": nip_two_names,
    "no_induk.csv": no_induk,
}


def main() -> None:
    for name, make in MAKERS.items():
        make(HERE / name)
        print(HERE / name)


if __name__ == "__main__":
    main()
