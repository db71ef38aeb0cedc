import Fluent
import SQLKit

/// The laporan lists page newest first by (dibuat_pada, id): an index in that order makes a
/// page cost the same at any depth.
struct M026IndeksDaftarLaporan: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await (db as! any SQLDatabase).create(index: "laporan_dibuat_id_idx").on("laporan").column("dibuat_pada").column("id").run()
    }

    func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).drop(index: "laporan_dibuat_id_idx").run()
    }
}

/// Each KIM's latest laporan, kegiatan and dissemination report, read per KIM for its
/// activity status.
struct M027IndeksAktivitasKim: AsyncMigration {
    static let indeks = [("laporan_kim_dibuat_idx", "laporan", "dibuat_pada"), ("kegiatan_kim_tanggal_idx", "kegiatan", "tanggal"),
                         ("materi_penerima_kim_tanggal_idx", "materi_penerima", "tanggal")]

    func prepare(on db: any Database) async throws {
        for (nama, tabel, kolom) in Self.indeks {
            try await (db as! any SQLDatabase).create(index: nama).on(tabel).column("kim_id").column(kolom).run()
        }
    }

    func revert(on db: any Database) async throws {
        for (nama, _, _) in Self.indeks { try await (db as! any SQLDatabase).drop(index: nama).run() }
    }
}

/// KIM lists page by (kode_wilayah, id), the public directory among active KIMs only: without
/// these a page sorted every KIM first (40 pages a second at 90,000 KIMs).
struct M028IndeksDaftarKim: AsyncMigration {
    static let indeks = [("kim_wilayah_id_idx", ["kode_wilayah", "id"]), ("kim_status_wilayah_id_idx", ["status", "kode_wilayah", "id"])]

    func prepare(on db: any Database) async throws {
        for (nama, kolom) in Self.indeks { try await (db as! any SQLDatabase).buatIndeks(nama, "kim", kolom) }
    }

    func revert(on db: any Database) async throws {
        for (nama, _) in Self.indeks { try await (db as! any SQLDatabase).drop(index: nama).run() }
    }
}

/// Indexes a migration adds: created in order, dropped on revert. `name` keeps what Fluent
/// recorded for the migration's own type before it used this.
struct MigrasiIndeks: AsyncMigration {
    let name: String
    let indeks: [(nama: String, tabel: String, kolom: [String])]

    func prepare(on db: any Database) async throws {
        for i in indeks { try await (db as! any SQLDatabase).buatIndeks(i.nama, i.tabel, i.kolom) }
    }

    func revert(on db: any Database) async throws {
        for i in indeks.reversed() { try await (db as! any SQLDatabase).drop(index: i.nama).run() }
    }

    /// The dashboard's month of laporan with the moments of their SLA stages, read from
    /// indexes alone: from the table rows, a national month (86,000 laporan) took 3 s of page reads.
    static let m029StatistikLaporan = MigrasiIndeks(name: "SIKIMServer.M029IndeksStatistikLaporan", indeks: [
        ("laporan_statistik_idx", "laporan", ["dibuat_pada", "id", "status", "kode_kategori", "kode_wilayah", "diteruskan_pada"]),
        ("laporan_peristiwa_statistik_idx", "laporan_peristiwa", ["laporan_id", "aksi", "ke", "waktu"]),
    ])

    /// Notice recipients are looked up by role (and area) or by KIM on every submission and
    /// action: with an account for each pengurus of a nation's KIMs (64,000), each lookup read them all.
    static let m031Pengguna = MigrasiIndeks(name: "SIKIMServer.M031IndeksPengguna", indeks: [
        ("pengguna_peran_wilayah_idx", "pengguna", ["peran", "kode_wilayah"]), ("pengguna_kim_idx", "pengguna", ["kim_id"]),
    ])

    /// The public's list (`/informasi`, the API without a token) is the published laporan, newest
    /// first: without this, finding a page walked the creation-time index past every unpublished one
    /// (3.9 s at a million laporan).
    static let m032Publik = MigrasiIndeks(name: "SIKIMServer.M032IndeksLaporanPublik", indeks: [
        ("laporan_publik_idx", "laporan", ["dipublikasikan", "dibuat_pada", "id"]),
    ])
}

/// Indexes that are prefixes of others: `laporan_statistik_idx` starts with (dibuat_pada, id)
/// and `laporan_kim_dibuat_idx` with kim_id, and both databases search by a prefix. Each index
/// is written on every submission: at a million laporan, ten of them.
struct M030HapusIndeksBerlebih: AsyncMigration {
    static let indeks = [("laporan_dibuat_idx", ["dibuat_pada"]), ("laporan_dibuat_id_idx", ["dibuat_pada", "id"]), ("laporan_kim_idx", ["kim_id"])]

    func prepare(on db: any Database) async throws {
        for (nama, _) in Self.indeks { try await (db as! any SQLDatabase).drop(index: nama).run() }
    }

    func revert(on db: any Database) async throws {
        for (nama, kolom) in Self.indeks { try await (db as! any SQLDatabase).buatIndeks(nama, "laporan", kolom) }
    }
}

private extension SQLDatabase {
    func buatIndeks(_ nama: String, _ tabel: String, _ kolom: [String]) async throws {
        let b = create(index: nama).on(tabel)
        for k in kolom { b.column(k) }
        try await b.run()
    }
}
