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

/// The dashboard's month of laporan with the moments of their SLA stages, read from indexes
/// alone: from the table rows, a national month (86,000 laporan) took 3 s of page reads.
struct M029IndeksStatistikLaporan: AsyncMigration {
    static let indeks = [("laporan_statistik_idx", "laporan", ["dibuat_pada", "id", "status", "kode_kategori", "kode_wilayah", "diteruskan_pada"]),
                         ("laporan_peristiwa_statistik_idx", "laporan_peristiwa", ["laporan_id", "aksi", "ke", "waktu"])]

    func prepare(on db: any Database) async throws {
        for (nama, tabel, kolom) in Self.indeks { try await (db as! any SQLDatabase).buatIndeks(nama, tabel, kolom) }
    }

    func revert(on db: any Database) async throws {
        for (nama, _, _) in Self.indeks { try await (db as! any SQLDatabase).drop(index: nama).run() }
    }
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
