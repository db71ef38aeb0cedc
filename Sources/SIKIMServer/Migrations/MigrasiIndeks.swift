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
