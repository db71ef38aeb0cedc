import SIKIMData
import Fluent
import SIKIMCore

/// The region filter of the KIM and laporan lists. One kabupaten (the deployment): its
/// kecamatan. Several (national data, 7,000 kecamatan): the kabupaten, and the chosen region's
/// kabupaten's kecamatan under it, so the page stays small and a choice is two steps.
struct PemilihWilayah: Encodable {
    let label: String
    let semua: String
    let pilihan: [Pilihan]

    static func untuk(terpilih: String, db: any Database) async throws -> PemilihWilayah {
        let kabupaten = try await WilayahModel.query(on: db).filter(\.$tingkat == Tingkat.kabupaten.rawValue).sort(\.$id).all()
        let kecamatan = WilayahModel.query(on: db).filter(\.$tingkat == Tingkat.kecamatan.rawValue).sort(\.$nama)
        guard kabupaten.count > 1 else {
            return PemilihWilayah(label: "Kecamatan", semua: "Semua kecamatan",
                                  pilihan: try await kecamatan.all().map { Pilihan(nilai: $0.id!, label: $0.nama) })
        }
        var dipilih = KodeWilayah(terpilih)
        while let induk = dipilih?.induk { dipilih = induk }
        let dalam = try await dipilih.asyncMap { try await kecamatan.filter(\.$kodeInduk == $0.nilai).all() } ?? []
        var pilihan: [Pilihan] = []
        for k in kabupaten {
            pilihan.append(Pilihan(nilai: k.id!, label: k.nama))
            if k.id == dipilih?.nilai { pilihan += dalam.map { Pilihan(nilai: $0.id!, label: "— Kecamatan \($0.nama)") } }
        }
        return PemilihWilayah(label: "Wilayah", semua: "Semua wilayah", pilihan: pilihan)
    }
}
