import FluentKit
import Foundation
import SIKIMCore

/// Notices in the application: who receives each kind, inserting them with the write that
/// causes them, and each user's list.
package struct RepositoriNotifikasi {
    package let db: any Database
    package let jam: Jam

    package init(db: any Database, jam: Jam) { (self.db, self.jam) = (db, jam) }

    package struct Kiriman: Sendable {
        package let pemberitahuan: Pemberitahuan
        package let tautan: String
        package var pelapor: UUID?

        package init(pemberitahuan: Pemberitahuan, tautan: String, pelapor: UUID? = nil) {
            (self.pemberitahuan, self.tautan, self.pelapor) = (pemberitahuan, tautan, pelapor)
        }
    }

    /// Where notices of some kinds go: the accounts of each kind of recipient (but the
    /// reporter, who is one id) and whether a webhook is set. Read before a write transaction,
    /// so that the transaction holds SQLite's single write lock only for its inserts.
    package struct Alamat: Sendable {
        fileprivate let akun: [Pemberitahuan.Penerima: Set<UUID>]
        fileprivate let webhook: Bool
    }

    /// Recipients of these kinds of notice; kept a few seconds in `cache` when one is given.
    package func alamat(_ pemberitahuan: [Pemberitahuan], cache: CacheSebentar<Alamat>? = nil) async throws -> Alamat {
        // Most actions on a laporan notify no one: then nothing needs reading.
        guard !pemberitahuan.isEmpty else { return Alamat(akun: [:], webhook: false) }
        guard let cache else { return try await baca(pemberitahuan) }
        let kunci = Set(pemberitahuan.flatMap(\.penerima).map { "\($0)" }).sorted().joined(separator: "|")
        return try await cache.ambil(kunci) { try await baca(pemberitahuan) }
    }

    private func baca(_ pemberitahuan: [Pemberitahuan]) async throws -> Alamat {
        var akun: [Pemberitahuan.Penerima: Set<UUID>] = [:]
        for penerima in pemberitahuan.flatMap(\.penerima) where akun[penerima] == nil {
            if case .pelapor = penerima { continue }
            akun[penerima] = try await akunUntuk(penerima)
        }
        return Alamat(akun: akun, webhook: try await RepositoriWebhook(db: db, jam: jam).pengaturan() != nil)
    }

    /// Many notices at once (the periodic check may find thousands): each kind of recipient is
    /// looked up once, and rows are inserted in batches.
    package func kirim(_ daftar: [Kiriman]) async throws {
        try await kirim(daftar, ke: alamat(daftar.map(\.pemberitahuan)))
    }

    /// Inserts only; every recipient comes from `alamat`, which must cover these notices' kinds.
    package func kirim(_ daftar: [Kiriman], ke alamat: Alamat) async throws {
        let sekarang = jam.sekarang()
        let baris = daftar.flatMap { k in
            k.pemberitahuan.penerima.reduce(into: Set<UUID>()) { akun, penerima in
                if case .pelapor = penerima { if let p = k.pelapor { akun.insert(p) } } else { akun.formUnion(alamat.akun[penerima] ?? []) }
            }.map { id in
                let n = NotifikasiModel()
                (n.penggunaID, n.judul, n.tautan, n.dibaca, n.dibuatPada) = (id, k.pemberitahuan.judul, k.tautan, false, sekarang)
                return n
            }
        }
        try await baris.sisipkan(on: db)
        if alamat.webhook { try await RepositoriWebhook(db: db, jam: jam).antre(daftar.map { ($0.pemberitahuan, $0.tautan) }) }
    }

    /// The active accounts a kind of recipient stands for (not the reporter: that is one id).
    private func akunUntuk(_ penerima: Pemberitahuan.Penerima) async throws -> Set<UUID> {
        let aktif = PenggunaModel.query(on: db).filter(\.$aktif == true)
        switch penerima {
        case .pelapor: return []
        case .verifikator: aktif.filter(\.$peran == Peran.verifikator.rawValue)
        case .opd(let kode): aktif.filter(\.$peran == Peran.opd.rawValue).filter(\.$kodeOPD == kode)
        case .pengurus(let kim): aktif.filter(\.$kimID == kim)
        case .admin: aktif.filter(\.$peran == Peran.admin.rawValue)
        case .operatorWilayah(let w):
            aktif.filter(\.$peran ~~ [Peran.operatorKecamatan.rawValue, Peran.operatorDesa.rawValue])
                .filter(\.$kodeWilayah ~~ ([w.nilai] + (w.induk.map { [$0.nilai] } ?? [])))
        case .operatorDi(let w):
            aktif.filter(\.$peran ~~ [Peran.operatorKecamatan.rawValue, Peran.operatorDesa.rawValue]).filter(\.$kodeWilayah == w.nilai)
        }
        return Set(try await aktif.all(\.$id))
    }

    // MARK: A user's notices

    package func terbaru(untuk pengguna: UUID, batas: Int = 100) async throws -> [NotifikasiModel] {
        try await NotifikasiModel.query(on: db).filter(\.$penggunaID == pengguna).sort(\.$dibuatPada, .descending).limit(batas).all()
    }

    package func jumlahBelumDibaca(_ pengguna: UUID) async throws -> Int {
        try await NotifikasiModel.query(on: db).filter(\.$penggunaID == pengguna).filter(\.$dibaca == false).count()
    }

    /// Opens one of the user's notices (read from then on); nil when it is not theirs.
    package func buka(_ id: UUID, pengguna: UUID) async throws -> NotifikasiModel? {
        guard let n = try await NotifikasiModel.find(id, on: db), n.penggunaID == pengguna else { return nil }
        if !n.dibaca {
            n.dibaca = true
            try await n.update(on: db)
        }
        return n
    }

    // MARK: Once-only notices

    /// Which of these markers of once-only notices exist already.
    package func penanda(_ kunci: [String]) async throws -> Set<String> {
        Set(try await kunci.perBagian(500) { try await PenandaModel.query(on: db).filter(\.$id ~~ $0).all(\.$id) }.compactMap { $0 })
    }

    package func penanda(_ kunci: String) async throws -> PenandaModel? { try await PenandaModel.find(kunci, on: db) }

    /// Sets a marker's time; a marker another process wrote first keeps its time.
    package func tandai(_ kunci: String, waktu: Date) async throws {
        if let m = try await penanda(kunci) {
            m.waktu = waktu
            try await m.update(on: db)
        } else {
            try? await PenandaModel(kunci: kunci, waktu: waktu).create(on: db)
        }
    }

    /// Notices with their markers; the marker's unique key keeps a second server process from
    /// sending the same notice.
    package func kirimSekali(_ daftar: [(kunci: String, kiriman: Kiriman)]) async throws {
        let terkirim = try await penanda(daftar.map(\.kunci))
        let baru = daftar.filter { !terkirim.contains($0.kunci) }
        guard !baru.isEmpty else { return }
        try await baru.map { PenandaModel(kunci: $0.kunci, waktu: jam.sekarang()) }.simpanBertahap(on: db)
        try await kirim(baru.map(\.kiriman))
    }

    package func bacaSemua(_ pengguna: UUID) async throws {
        try await NotifikasiModel.query(on: db).filter(\.$penggunaID == pengguna).filter(\.$dibaca == false).set(\.$dibaca, to: true).ubahSemua()
    }
}

extension Array where Element: Model {
    /// Inserts in transactions of 500 rows, one statement per transaction.
    package func simpanBertahap(on db: any Database) async throws {
        for potong in bagian(500) {
            try await db.transaksi { db in try await Array(potong).create(on: db) }
        }
    }
}
