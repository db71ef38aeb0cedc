import Foundation
import SIKIMCore
import SIKIMData

/// Regions: what pages and the API read, and the shipped list loaded at every start.
struct LayananWilayah {
    let l: Lingkungan
    private var data: RepositoriWilayah { RepositoriWilayah(db: l.db) }

    /// The regions shipped for the deployment's kabupaten.
    func dariBerkasBawaan() throws -> [Wilayah] {
        try DataWilayah.urai(csv: String(contentsOf: Sumber.data(l.konfigurasi.berkasWilayah), encoding: .utf8))
    }

    func muat(_ daftar: [Wilayah]) async throws -> RepositoriWilayah.HasilMuat { try await data.muat(daftar) }

    /// A region and what its page shows: the way down to it, its children (with the desa per
    /// kecamatan at kabupaten level) and its counts.
    struct Rincian: Sendable {
        let wilayah: Wilayah
        let jejak: [Wilayah]
        let anak: [(Wilayah, jumlahAnak: Int?)]
        let jumlahKecamatan: Int
        let jumlahDesa: Int
    }

    /// The region with this code, or the deployment's kabupaten without one.
    func rincian(_ kode: KodeWilayah?) async throws -> Rincian {
        let w: Wilayah
        if let kode { w = try await cari(kode) } else {
            guard let kab = try await data.semua(.kabupaten).first else { throw TidakDitemukan("Data wilayah") }
            w = kab
        }
        let jumlah = w.tingkat == .kabupaten ? try await data.jumlah(dalam: w.kode, perInduk: true) : [:]
        let perTingkat = try await data.jumlah(dalam: w.kode)
        return Rincian(wilayah: w, jejak: try await data.jejak(w.kode), anak: try await data.anak(w.kode).map { ($0, jumlah[$0.kode.nilai]) },
                       jumlahKecamatan: perTingkat[Tingkat.kecamatan.rawValue] ?? 0, jumlahDesa: perTingkat[Tingkat.desa.rawValue] ?? 0)
    }

    func cari(_ kode: KodeWilayah) async throws -> Wilayah {
        guard let w = try await data.cari(kode) else { throw TidakDitemukan("Wilayah dengan kode \(kode.nilai)") }
        return w
    }

    func halaman(tingkat: Tingkat?, induk: KodeWilayah?, _ p: Paginasi) async throws -> Potongan<Wilayah> {
        if let induk { guard try await data.ada(induk) else { throw TidakDitemukan("Wilayah induk \(induk.nilai)") } }
        return try await data.halaman(tingkat: tingkat, induk: induk, p)
    }

    /// Many regions by code.
    func wilayah(_ kode: [String]) async throws -> [String: Wilayah] { try await data.cari(kode) }

    /// Display names ("Desa Kramatwatu, Kec. Kramatwatu") by code.
    func nama(_ kode: [String]) async throws -> [String: String] { try await data.nama(kode) }

    /// The region filter of lists (`PemilihWilayah`): with one kabupaten, its kecamatan; with
    /// several (national data), the kabupaten, and the kecamatan of the chosen one.
    func pilihanFilter(terpilih: KodeWilayah?) async throws -> (kabupaten: [Wilayah], kecamatan: [Wilayah]) {
        let kabupaten = try await data.semua(.kabupaten)
        guard kabupaten.count > 1 else { return (kabupaten, try await data.semua(.kecamatan, menurutNama: true)) }
        var dipilih = terpilih
        while let induk = dipilih?.induk { dipilih = induk }
        return (kabupaten, try await dipilih.asyncMap { try await data.anak($0, menurutNama: true) } ?? [])
    }

    /// The kecamatan by name.
    func kecamatan() async throws -> [Wilayah] { try await data.semua(.kecamatan, menurutNama: true) }

    /// Desa with their kecamatan's name, by code (the report form's picker).
    func desaDenganKecamatan() async throws -> [(Wilayah, kecamatan: String)] {
        let kec = Dictionary(uniqueKeysWithValues: try await data.semua(.kecamatan).map { ($0.kode.nilai, $0.nama) })
        return try await data.semua(.desa).map { ($0, kec[$0.kodeInduk] ?? "") }
    }

    /// Regions counted per level in an area (all without one), for the home page.
    func jumlah(dalam area: KodeWilayah? = nil) async throws -> [String: Int] { try await data.jumlah(dalam: area) }
}
