import SIKIMData
import Foundation
import SIKIMCore

/// An uploaded file as received: its name and bytes.
struct FotoMasuk: Sendable {
    let nama: String
    let bytes: [UInt8]
}

/// Uploaded files in one folder of the data directory, under generated names: the type comes
/// from the bytes (never the name), pictures lose their metadata (`MetadataGambar`) before
/// anything else sees them, and each stored file's SHA-256 is recorded.
struct PenyimpanBerkas {
    let direktori: String

    struct Berkas {
        let asal: FotoMasuk
        let jenis: JenisBerkas
        /// As stored: a picture without its metadata.
        let bytes: [UInt8]
        var namaAsli: String { String(asal.nama.filter { !$0.isNewline && $0 != "\"" }.prefix(200)) }
        var sha256: String { Sidik.sha256(bytes) }
    }

    /// Checks every file before anything is stored: count, type, size and a picture's structure.
    static func periksa(_ masuk: [FotoMasuk], maks: Int, terima: Set<JenisBerkas>, bidang: String, label: String) throws -> [Berkas] {
        guard masuk.count <= maks else { throw KesalahanIsian(bidang, "Paling banyak \(maks) \(label.lowercased()).") }
        return try masuk.map { f in
            let b = f.bytes
            do {
                let jenis = try JenisBerkas.periksa(b, bidang: bidang, terima: terima)
                return Berkas(asal: f, jenis: jenis, bytes: try MetadataGambar.bersihkan(b, jenis: jenis))
            } catch let e as KesalahanIsian {
                throw KesalahanIsian(bidang, "\(label) \(f.nama.prefix(60)): \(e.pesan)")
            } catch is MetadataGambar.Rusak {
                throw KesalahanIsian(bidang, "\(label) \(f.nama.prefix(60)): gambar rusak atau tidak lengkap; kirim ulang foto aslinya.")
            }
        }
    }

    /// Stores the files, runs `kerja` with their names, and removes them again if it fails, so
    /// a refused or lost transaction leaves no file behind.
    func dengan<T>(_ berkas: [Berkas], _ kerja: ([String]) async throws -> T) async throws -> T {
        var nama: [String] = []
        do {
            for b in berkas { nama.append(try simpan(b)) }
            return try await kerja(nama)
        } catch {
            nama.forEach(hapus)
            throw error
        }
    }

    /// Writes a checked file and returns its generated name.
    func simpan(_ b: Berkas) throws -> String {
        try FileManager.default.createDirectory(atPath: direktori, withIntermediateDirectories: true)
        let nama = "\(UUID().uuidString.lowercased()).\(b.jenis.ekstensi)"
        guard FileManager.default.createFile(atPath: jalur(nama), contents: Data(b.bytes)) else {
            throw PenyimpananGagal()
        }
        return nama
    }

    func jalur(_ nama: String) -> String { direktori + "/" + nama }

    func hapus(_ nama: String) { try? FileManager.default.removeItem(atPath: jalur(nama)) }
}
