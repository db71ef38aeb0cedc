import SIKIMData
import FluentKit
import Foundation
import SIKIMCore
import SQLKit
import Vapor

/// Photos stored before uploads lost their metadata (`MetadataGambar`) get the same treatment
/// once: `sikim foto bersihkan`, and every start until it is done (kept in `penanda`). A file
/// is replaced whole (written beside it, then renamed) and its row's size and hash follow.
/// Attachments to laporan actions are left as they are: their hashes are evidence in the audit
/// chain, and they are never public.
struct BersihkanFoto {
    let db: any Database
    let direktoriData: String
    let jam: Jam

    static let kunciPenanda = "foto_tanpa_metadata"

    /// Each table of stored pictures and the folder its files are in.
    static let tempat: [(tabel: String, folder: String)] = [
        (FotoLaporanModel.schema, "foto"), (FotoKegiatanModel.schema, "kegiatan"),
        (BerkasMateriModel.schema, "diseminasi"), (DokumenKimModel.schema, "dokumen"),
    ]

    /// Once: nothing when it was done before.
    func sekaliSaja() async throws -> Int? {
        guard try await PenandaModel.find(Self.kunciPenanda, on: db) == nil else { return nil }
        let n = try await semua()
        try await PenandaModel(kunci: Self.kunciPenanda, waktu: jam.sekarang()).create(on: db)
        return n
    }

    /// Cleans every stored picture; returns how many changed.
    func semua() async throws -> Int {
        var diubah = 0
        let sql = db as! any SQLDatabase
        for (tabel, folder) in Self.tempat {
            let baris = try await sql.raw("SELECT id, berkas, tipe_mime FROM \(ident: tabel)").all()
            for b in baris {
                let (id, berkas, mime) = (try b.decode(column: "id", as: UUID.self), try b.decode(column: "berkas", as: String.self),
                                          try b.decode(column: "tipe_mime", as: String.self))
                guard let jenis = JenisBerkas.allCases.first(where: { $0.mime == mime }), jenis != .pdf else { continue }
                let jalur = "\(direktoriData)/\(folder)/\(berkas)"
                guard let data = FileManager.default.contents(atPath: jalur), case let asal = [UInt8](data),
                      let bersih = try? MetadataGambar.bersihkan(asal, jenis: jenis), bersih != asal else { continue }
                let sementara = jalur + ".bersih"
                try Data(bersih).write(to: URL(fileURLWithPath: sementara))
                guard rename(sementara, jalur) == 0 else { throw CocoaError(.fileWriteUnknown) }
                try await sql.raw("""
                    UPDATE \(ident: tabel) SET ukuran = \(bind: bersih.count), sha256 = \(bind: Sidik.sha256(bersih)) WHERE id = \(bind: id)
                    """).run()
                diubah += 1
            }
        }
        return diubah
    }
}
