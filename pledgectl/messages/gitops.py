"""Messages of the registry in git: git plumbing, semantic diff, merge."""

MESSAGES: dict[str, tuple[str, str]] = {
    # git plumbing
    "gitops.git-missing": (
        "git is not installed or not on PATH",
        "git tidak terpasang atau tidak ada di PATH",
    ),
    "gitops.git-missing.hint": (
        "Install git, or run inside a git repository",
        "Pasang git, atau jalankan di dalam repositori git",
    ),
    "gitops.not-a-repo": (
        "{path} is not inside a git repository",
        "{path} tidak berada di dalam repositori git",
    ),
    "gitops.not-a-repo.hint": (
        "run `git init` and commit the registry, or point --registry at a registry inside a git repository",
        "jalankan `git init` lalu commit registri, atau arahkan --registry ke registri di dalam repositori git",
    ),
    "gitops.unsafe-repo": (
        "git refuses to work in {path}: the repository belongs to another user",
        "git menolak bekerja di {path}: repositori ini milik pengguna lain",
    ),
    "gitops.unsafe-repo.hint": (
        "if you trust it, run: git config --global --add safe.directory {path}",
        "jika Anda memercayainya, jalankan: git config --global --add safe.directory {path}",
    ),
    "gitops.bad-revision": (
        "unknown revision {rev!r}",
        "revisi {rev!r} tidak dikenal",
    ),
    "gitops.bad-revision.hint": (
        "give a branch, tag or commit that exists, e.g. HEAD, main or HEAD~1 (see `git log --oneline`)",
        "berikan cabang, tag, atau commit yang ada, mis. HEAD, main, atau HEAD~1 (lihat `git log --oneline`)",
    ),
    "gitops.failed": (
        "{command} failed: {reason}",
        "{command} gagal: {reason}",
    ),
    "gitops.failed.hint": (
        "run the git command yourself to see the full error",
        "jalankan perintah git itu sendiri untuk melihat galat lengkapnya",
    ),
    # semantic diff
    "semdiff.equal": (
        "No differences between {a} and {b}.",
        "Tidak ada perbedaan antara {a} dan {b}.",
    ),
    "semdiff.summary": (
        "{added} added, {removed} removed, {changed} changed ({a} -> {b})",
        "{added} ditambahkan, {removed} dihapus, {changed} diubah ({a} -> {b})",
    ),
    "semdiff.summary-unreadable": (
        "{count} file(s) could not be read; run `pledgectl check` for details",
        "{count} berkas tidak dapat dibaca; jalankan `pledgectl check` untuk rinciannya",
    ),
    "semdiff.unreadable": (
        "unreadable at {rev}: {reason}",
        "tidak terbaca pada {rev}: {reason}",
    ),
    "semdiff.textconv-unreadable": (
        "# pledgectl: this file is not valid TOML ({reason}); showing it as it is",
        "# pledgectl: berkas ini bukan TOML yang sah ({reason}); ditampilkan apa adanya",
    ),
    "semdiff.absent": ("(none)", "(tidak ada)"),
    "semdiff.worktree": ("working tree", "direktori kerja"),
    "semdiff.kind.file": ("file", "berkas"),
    "semdiff.kind.agency": ("agency", "instansi"),
    "semdiff.kind.roster": ("staff", "pegawai"),
    "semdiff.kind.declaration": ("declaration", "deklarasi"),
    "semdiff.kind.witness": ("witness", "saksi"),
    "semdiff.kind.signatory": ("signatory", "penanda tangan"),
    "semdiff.kind.settings": ("settings", "pengaturan"),
    "semdiff.kind.settings.checklist": ("checklist item", "butir daftar periksa"),
    "semdiff.kind.settings.elections": ("election", "pemilihan"),
    "semdiff.kind.settings.institutions": ("institution", "lembaga"),
    # merge
    "merge.conflict.edit-edit": (
        "{where}: {field} changed on both sides: ours {ours}, theirs {theirs}",
        "{where}: {field} diubah di kedua sisi: milik kita {ours}, milik mereka {theirs}",
    ),
    "merge.conflict.add-add": (
        "{where}: added on both sides with different data ({field}: ours {ours}, theirs {theirs})",
        "{where}: ditambahkan di kedua sisi dengan data berbeda ({field}: milik kita {ours}, milik mereka {theirs})",
    ),
    "merge.conflict.delete-edit": (
        "{where}: removed on our side but changed on theirs",
        "{where}: dihapus di sisi kita tetapi diubah di sisi mereka",
    ),
    "merge.conflict.edit-delete": (
        "{where}: changed on our side but removed on theirs",
        "{where}: diubah di sisi kita tetapi dihapus di sisi mereka",
    ),
    "merge.conflicts": (
        "{count} conflict(s) could not be merged automatically",
        "{count} konflik tidak dapat digabungkan secara otomatis",
    ),
    "merge.conflicts.hint": (
        "edit the file to resolve the marked records, run `pledgectl fmt`, then `git add` it",
        "sunting berkas untuk menyelesaikan rekaman yang ditandai, jalankan `pledgectl fmt`, lalu `git add`",
    ),
}
