import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// Which KIMs a list holds: the actor's scope (`CakupanKim`: without one, the public
/// directory of active KIMs) and the filters a user chose.
package struct SaringanKim: Sendable {
    package var cakupan: CakupanKim
    package var status: StatusKim?
    package var tingkat: TingkatKim?
    package var wilayah: KodeWilayah?
    /// Leave out dissolved KIMs (lists of what exists now: terms, exports, recaps).
    package var tanpaDibubarkan = false

    package init(cakupan: CakupanKim, status: StatusKim? = nil, tingkat: TingkatKim? = nil, wilayah: KodeWilayah? = nil,
                 tanpaDibubarkan: Bool = false) {
        (self.cakupan, self.status, self.tingkat, self.wilayah, self.tanpaDibubarkan) = (cakupan, status, tingkat, wilayah, tanpaDibubarkan)
    }

    /// The same conditions on a query whose rows belong to a KIM joined as `KimModel`: the
    /// database applies them, so no list of KIM ids is sent whatever the number of KIMs.
    package func terapkan<M: Model>(_ q: QueryBuilder<M>) {
        switch cakupan {
        case .semua: break
        case .wilayah(let k): q.dalamArea(k, \KimModel.$kodeWilayah)
        case .satu(let id): q.filter(KimModel.self, \.$id == id)
        case .tidakAda: q.filter(KimModel.self, \.$status == StatusKim.aktif.rawValue)
        }
        if let status { q.filter(KimModel.self, \.$status == status.rawValue) }
        if let tingkat { q.filter(KimModel.self, \.$tingkat == tingkat.rawValue) }
        if let wilayah { q.dalamArea(wilayah, \KimModel.$kodeWilayah) }
        if tanpaDibubarkan { q.filter(KimModel.self, \.$status != StatusKim.dibubarkan.rawValue) }
    }
}

/// KIMs, their boards, lifecycle steps, documents and coaching notes.
package struct RepositoriKim {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    package func cari(_ id: UUID) async throws -> KimModel? { try await KimModel.find(id, on: db) }

    /// Whether no KIM exists yet (demo data fills only an empty database).
    package func kosong() async throws -> Bool { try await KimModel.query(on: db).count() == 0 }

    /// Ordered by region code then id (an index range at any depth).
    package func halaman(_ s: SaringanKim, _ p: Paginasi) async throws -> Potongan<KimModel> {
        let q = KimModel.query(on: db)
        s.terapkan(q)
        return p.potong(try await q.urutKunci("kode_wilayah", turun: false, p).all(), id: \.id)
    }

    /// Every KIM the filter holds, by region code.
    package func semua(_ s: SaringanKim) async throws -> [KimModel] {
        let q = KimModel.query(on: db)
        s.terapkan(q)
        return try await q.sort(\.$kodeWilayah).all()
    }

    /// Whether a KIM of these ids is in the filter.
    package func termasuk(_ id: UUID, _ s: SaringanKim) async throws -> Bool {
        let q = KimModel.query(on: db).filter(\.$id == id)
        s.terapkan(q)
        return try await q.count() > 0
    }

    /// KIMs that are not dissolved, by name (what an account can be bound to).
    package func belumDibubarkan() async throws -> [KimModel] {
        try await KimModel.query(on: db).filter(\.$status != StatusKim.dibubarkan.rawValue).sort(\.$nama).all()
    }

    /// The active KIMs, by name.
    package func aktif() async throws -> [KimModel] {
        try await KimModel.query(on: db).filter(\.$status == StatusKim.aktif.rawValue).sort(\.$nama).all()
    }

    /// The KIM of a region that is not dissolved, if there is one (one per region).
    package func di(_ wilayah: KodeWilayah) async throws -> KimModel? {
        try await KimModel.query(on: db).filter(\.$kodeWilayah == wilayah.nilai).filter(\.$status != StatusKim.dibubarkan.rawValue).first()
    }

    /// Regions that have a KIM that is not dissolved.
    package func wilayahTerisi() async throws -> Set<String> {
        Set(try await KimModel.query(on: db).filter(\.$status != StatusKim.dibubarkan.rawValue).all(\.$kodeWilayah))
    }

    package func daftar(_ id: [UUID]) async throws -> [KimModel] {
        try await id.perBagian { try await KimModel.query(on: db).filter(\.$id ~~ $0).all() }
    }

    package func nama(_ id: [UUID]) async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await id.perBagian { try await KimModel.query(on: db).filter(\.$id ~~ $0).all() }
            .map { ($0.id!, $0.nama) })
    }

    /// A new KIM with its board, in one transaction.
    package func buat(_ m: KimModel, pengurus: [Pengurus]) async throws {
        try await db.transaksi { db in
            try await m.create(on: db)
            for p in pengurus { try await PengurusModel(kimID: m.requireID(), p).create(on: db) }
        }
    }

    /// KIMs brought in from a file, each with its board and its steps: all or none. The
    /// uniqueness of a region's KIM holds against anything created meanwhile.
    package func impor(_ daftar: [(KimModel, pengurus: [Pengurus], langkah: [TransisiKimModel])]) async throws {
        try await db.transaksi { db in
            for (m, pengurus, langkah) in daftar {
                try await m.create(on: db)
                for p in pengurus { try await PengurusModel(kimID: m.requireID(), p).create(on: db) }
                for t in langkah {
                    t.$kim.id = try m.requireID()
                    try await t.create(on: db)
                }
            }
        }
    }

    /// Writes a change of the KIM if it is still at the version read (`Berversi`), and what
    /// depends on it in the same transaction.
    private func ubah(_ m: KimModel, lalu tulis: @escaping @Sendable (any Database) async throws -> Void) async throws {
        try await db.transaksi { db in
            try await m.simpanBersyarat(on: db)
            try await tulis(db)
        }
    }

    /// A lifecycle step or two: the KIM changes if it is still at the version read, its steps
    /// are numbered after its row is claimed (so no other step takes the same number), and a
    /// dissolved KIM's accounts end with it (model by model, so caches hear of each).
    /// `juga` runs in the same transaction (the notices the step sends).
    package func transisi(_ m: KimModel, langkah: [TransisiKimModel], akunBerakhir: [PenggunaModel],
                          akhiriAkses: @escaping @Sendable (PenggunaModel, any Database) async throws -> Void,
                          juga: @escaping @Sendable (any Database) async throws -> Void = { _ in }) async throws {
        try await ubah(m) { db in
            try await juga(db)
            let sebelumnya = try await TransisiKimModel.query(on: db).filter(\.$kim.$id == m.requireID()).max(\.$urutan) ?? -1
            for (i, t) in langkah.enumerated() {
                t.urutan = sebelumnya + 1 + i
                try await t.create(on: db)
            }
            for a in akunBerakhir {
                a.aktif = false
                try await a.update(on: db)
                try await akhiriAkses(a, db)
            }
        }
    }

    /// A change of the KIM's own data, if it is still at the version read.
    package func ubah(_ m: KimModel) async throws { try await ubah(m) { _ in } }

    /// A board change was decided from the board as read: it counts as a change of the KIM,
    /// so two changes at once (two ketua, say) cannot both pass the board rule.
    package func simpanPengurus(_ p: PengurusModel, kim m: KimModel) async throws { try await ubah(m) { try await p.save(on: $0) } }

    package func hapusPengurus(_ p: PengurusModel, kim m: KimModel) async throws { try await ubah(m) { try await p.delete(on: $0) } }

    package func riwayat(_ kim: UUID, terbaruDulu: Bool = false) async throws -> [TransisiKimModel] {
        try await TransisiKimModel.query(on: db).filter(\.$kim.$id == kim).sort(\.$urutan, terbaruDulu ? .descending : .ascending).all()
    }

    // MARK: Board

    package func pengurus(_ kim: UUID) async throws -> [PengurusModel] {
        try await PengurusModel.query(on: db).filter(\.$kim.$id == kim).all().sorted(by: PengurusModel.urut)
    }

    /// Boards of many KIMs in one query.
    package func pengurus(_ kim: [UUID]) async throws -> [UUID: [PengurusModel]] {
        guard !kim.isEmpty else { return [:] }
        let semua = try await kim.perBagian { try await PengurusModel.query(on: db).filter(\.$kim.$id ~~ $0).all() }
        return Dictionary(grouping: semua, by: { $0.$kim.id }).mapValues { $0.sorted(by: PengurusModel.urut) }
    }

    package func cariPengurus(_ id: UUID, kim: UUID) async throws -> PengurusModel? {
        guard let p = try await PengurusModel.find(id, on: db), p.$kim.id == kim else { return nil }
        return p
    }

    /// Board members of these KIMs whose term ends between two days, soonest first.
    package func masaBaktiBerakhir(_ kim: [UUID], dari: Tanggal, sampai: Tanggal) async throws -> [PengurusModel] {
        try await kim.perBagian { ids in
            try await PengurusModel.query(on: db).filter(\.$kim.$id ~~ ids)
                .filter(\.$masaBaktiSelesai >= dari.iso).filter(\.$masaBaktiSelesai <= sampai.iso).all()
        }.sorted { $0.masaBaktiSelesai < $1.masaBaktiSelesai }
    }

    /// Links a board member to the account made for them.
    package func tautkanAkun(_ p: PengurusModel, akun: UUID) async throws {
        p.$pengguna.id = akun
        try await p.update(on: db)
    }

    // MARK: Documents and coaching

    package func dokumen(_ kim: UUID) async throws -> [DokumenKimModel] {
        try await DokumenKimModel.query(on: db).filter(\.$kim.$id == kim).sort(\.$waktu, .descending).all()
    }

    package func cariDokumen(_ id: UUID, kim: UUID) async throws -> DokumenKimModel? {
        guard let d = try await DokumenKimModel.find(id, on: db), d.$kim.id == kim else { return nil }
        return d
    }

    package func simpan(_ d: DokumenKimModel) async throws { try await d.create(on: db) }

    package func pembinaan(_ kim: UUID) async throws -> [PembinaanModel] {
        try await PembinaanModel.query(on: db).filter(\.$kim.$id == kim).sort(\.$waktu, .descending).all()
    }

    package func simpan(_ p: PembinaanModel) async throws { try await p.create(on: db) }
}
