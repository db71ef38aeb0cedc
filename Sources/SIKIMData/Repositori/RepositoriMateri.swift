import FluentKit
import Foundation
import SIKIMCore
import SQLKit

/// Dissemination materi, their recipients (one row per targeted KIM) and their files.
package struct RepositoriMateri {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    /// The materi a KIM scope reaches, newest first: all; those targeted at one KIM; those
    /// reaching an area. Nil without a scope.
    private func query(_ cakupan: CakupanKim) -> QueryBuilder<MateriModel>? {
        let q = MateriModel.query(on: db)
        switch cakupan {
        case .semua: break
        case .satu(let kim):
            q.join(PenerimaMateriModel.self, on: \MateriModel.$id == \PenerimaMateriModel.$materi.$id).filter(PenerimaMateriModel.self, \.$kim.$id == kim)
        case .wilayah(let w):
            q.join(PenerimaMateriModel.self, on: \MateriModel.$id == \PenerimaMateriModel.$materi.$id)
                .dalamArea(w, \PenerimaMateriModel.$kodeWilayah).unique()
        case .tidakAda: return nil
        }
        return q
    }

    package func terbaru(_ cakupan: CakupanKim, batas: Int) async throws -> [MateriModel] {
        try await query(cakupan)?.sort(\.$dibuatPada, .descending).limit(batas).all() ?? []
    }

    package func cari(_ id: UUID, _ cakupan: CakupanKim) async throws -> MateriModel? {
        try await query(cakupan)?.filter(\.$id == id).first()
    }

    /// A KIM's own copy of a materi.
    package func penerima(materi: UUID, kim: UUID) async throws -> PenerimaMateriModel? {
        try await PenerimaMateriModel.query(on: db).filter(\.$materi.$id == materi).filter(\.$kim.$id == kim).first()
    }

    /// The materi last sent to a KIM, with the KIM's copy.
    package func terakhir(kim: UUID) async throws -> (MateriModel, PenerimaMateriModel)? {
        let salinan = try await PenerimaMateriModel.query(on: db).filter(\.$kim.$id == kim).all()
        guard !salinan.isEmpty else { return nil }
        guard let m = try await MateriModel.query(on: db).filter(\.$id ~~ salinan.map(\.$materi.id)).sort(\.$dibuatPada, .descending).first() else {
            return nil
        }
        return salinan.first { $0.$materi.id == m.id }.map { (m, $0) }
    }

    /// A KIM's materi it has not reported yet, the earliest deadline first.
    package func belumDisebarkan(kim: UUID) async throws -> [(MateriModel, PenerimaMateriModel)] {
        let salinan = try await PenerimaMateriModel.query(on: db).filter(\.$kim.$id == kim)
            .filter(\.$status != StatusPenerimaan.disebarkan.rawValue).all()
        guard !salinan.isEmpty else { return [] }
        let materi = try await MateriModel.query(on: db).filter(\.$id ~~ salinan.map(\.$materi.id)).all()
        let per = Dictionary(uniqueKeysWithValues: materi.map { ($0.id!, $0) })
        return salinan.compactMap { r in per[r.$materi.id].map { ($0, r) } }.sorted { $0.0.batasWaktu < $1.0.batasWaktu }
    }

    /// The copies of a materi in an area (all without one).
    package func penerima(materi: UUID, dalam area: KodeWilayah?) async throws -> [PenerimaMateriModel] {
        let q = PenerimaMateriModel.query(on: db).filter(\.$materi.$id == materi)
        if let area { q.dalamArea(area, \PenerimaMateriModel.$kodeWilayah) }
        return try await q.all()
    }

    /// A copy still unread becomes read; one reported meanwhile stays as it is.
    package func tandaiDibaca(_ penerima: UUID, pada waktu: Date) async throws {
        try await PenerimaMateriModel.query(on: db).filter(\.$id == penerima).filter(\.$status == StatusPenerimaan.terkirim.rawValue)
            .set(\.$status, to: StatusPenerimaan.dibaca.rawValue).set(\.$dibacaPada, to: waktu).ubahSemua()
    }

    package func cariPenerima(_ id: UUID) async throws -> PenerimaMateriModel? { try await PenerimaMateriModel.find(id, on: db) }

    /// Records how a KIM passed a materi on, if its copy is still in the state `dari` it was
    /// decided from; throws `DiubahBersamaan` otherwise.
    package func laporkan(_ penerima: UUID, dari: String, _ p: LaporanPenyebaran, oleh: UUID?, kunci: String? = nil) async throws {
        let diubah = try await (db as! any SQLDatabase).update(PenerimaMateriModel.schema)
            .set("status", to: StatusPenerimaan.disebarkan.rawValue).set("saluran", to: p.saluran.map(\.rawValue).joined(separator: ","))
            .set("tanggal", to: p.tanggal.iso).set("jangkauan", to: p.jangkauan).set("catatan", to: p.catatan)
            .set("dilaporkan_oleh", to: oleh).set("kunci_laporan", to: kunci)
            .where("id", .equal, penerima).where("status", .equal, dari)
            .returning("id").all()
        guard diubah.count == 1 else { throw DiubahBersamaan() }
        db.umumkan(PenerimaMateriModel.schema)
    }

    /// A new materi with one copy per targeted KIM and its files.
    package func simpan(_ m: MateriModel, penerima: [PenerimaMateriModel], berkas: [BerkasMateriModel]) async throws {
        try await m.create(on: db)
        for r in penerima { try await r.create(on: db) }
        try await simpan(berkas)
    }

    package func simpan(_ berkas: [BerkasMateriModel]) async throws {
        for f in berkas { try await f.create(on: db) }
    }

    package func berkas(_ id: UUID, materi: UUID) async throws -> BerkasMateriModel? {
        try await BerkasMateriModel.query(on: db).filter(\.$id == id).filter(\.$materi.$id == materi).first()
    }

    /// A materi's own attachments (not the KIMs' report photos).
    package func lampiran(materi: UUID) async throws -> [BerkasMateriModel] {
        try await BerkasMateriModel.query(on: db).filter(\.$materi.$id == materi).filter(\.$penerimaID == nil).all()
    }
}
