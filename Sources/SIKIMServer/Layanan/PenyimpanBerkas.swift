import Foundation
import SIKIMCore
import Vapor

/// An uploaded file as received: its name and bytes.
struct FotoMasuk {
    let nama: String
    let isi: ByteBuffer

    var bytes: [UInt8] { isi.getBytes(at: isi.readerIndex, length: isi.readableBytes) ?? [] }
}

/// Uploaded files in one folder of the data directory, under generated names: the type comes
/// from the bytes (never the name), and each file's SHA-256 is recorded.
struct PenyimpanBerkas {
    let direktori: String

    struct Berkas {
        let asal: FotoMasuk
        let jenis: JenisBerkas
        let bytes: [UInt8]
        var namaAsli: String { String(asal.nama.filter { !$0.isNewline && $0 != "\"" }.prefix(200)) }
        var sha256: String { SHA256.hash(data: bytes).hex }
    }

    /// Checks every file before anything is stored: count, type and size.
    static func periksa(_ masuk: [FotoMasuk], maks: Int, terima: Set<JenisBerkas>, bidang: String, label: String) throws -> [Berkas] {
        guard masuk.count <= maks else { throw KesalahanIsian(bidang, "Paling banyak \(maks) \(label.lowercased()).") }
        return try masuk.map { f in
            let b = f.bytes
            do { return Berkas(asal: f, jenis: try JenisBerkas.periksa(b, bidang: bidang, terima: terima), bytes: b) }
            catch let e as KesalahanIsian { throw KesalahanIsian(bidang, "\(label) \(f.nama.prefix(60)): \(e.pesan)") }
        }
    }

    /// Writes a checked file and returns its generated name.
    func simpan(_ b: Berkas) throws -> String {
        try FileManager.default.createDirectory(atPath: direktori, withIntermediateDirectories: true)
        let nama = "\(UUID().uuidString.lowercased()).\(b.jenis.ekstensi)"
        guard FileManager.default.createFile(atPath: jalur(nama), contents: Data(b.bytes)) else {
            throw KesalahanHTTP(.internalServerError, "gagal_menyimpan", "Berkas tidak dapat disimpan.")
        }
        return nama
    }

    func jalur(_ nama: String) -> String { direktori + "/" + nama }

    func hapus(_ nama: String) { try? FileManager.default.removeItem(atPath: jalur(nama)) }
}
