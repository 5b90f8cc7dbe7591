"""Messages of the git commands."""

MESSAGES: dict[str, tuple[str, str]] = {
    "git.installed": (
        "registered the pledgectl diff and merge drivers ({file} and .git/config)",
        "driver diff dan merge pledgectl didaftarkan ({file} dan .git/config)",
    ),
    "git.already-installed": (
        "the pledgectl git drivers were already installed",
        "driver git pledgectl sudah terpasang",
    ),
    "git.install-note": (
        "note: run this in every clone; a hosting service's web merge button does not run custom merge drivers",
        "catatan: jalankan di setiap klon; tombol merge di layanan hosting web tidak menjalankan driver merge khusus",
    ),
    "git.merged": ("merged {file} semantically", "{file} digabung secara semantik"),
    "git.conflict": (
        "{file}: {count} conflict(s) left for you, marked with <<<<<<< and >>>>>>>",
        "{file}: {count} konflik perlu Anda selesaikan, ditandai dengan <<<<<<< dan >>>>>>>",
    ),
    "help.diff": (
        "Semantic diff of the registry between two git revisions (default: HEAD and the working tree); exit 1 when different.",
        "Perbedaan semantik registri antara dua revisi git (bawaan: HEAD dan pohon kerja); keluar 1 bila berbeda.",
    ),
    "help.arg.rev-a": ("first revision (default HEAD)", "revisi pertama (bawaan HEAD)"),
    "help.arg.rev-b": (
        "second revision (default: the working tree)",
        "revisi kedua (bawaan: pohon kerja)",
    ),
    "help.opt.diff-format": ("text or json", "text atau json"),
    "help.git": (
        "Git integration: diff and merge drivers.",
        "Integrasi git: driver diff dan merge.",
    ),
    "help.git.install": (
        "Register the textconv diff driver and the merge driver for agency files (idempotent).",
        "Daftarkan driver diff textconv dan driver merge untuk berkas instansi (idempoten).",
    ),
    "help.git.textconv": (
        "Readable summary of an agency file (called by git diff).",
        "Ringkasan berkas instansi yang mudah dibaca (dipanggil oleh git diff).",
    ),
    "help.git.merge-driver": (
        "Merge driver for agency files (called by git merge).",
        "Driver merge untuk berkas instansi (dipanggil oleh git merge).",
    ),
    "help.arg.file": ("file", "berkas"),
}
