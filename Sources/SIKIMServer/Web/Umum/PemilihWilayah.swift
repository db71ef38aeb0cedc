import SIKIMCore

/// The region filter of the KIM and laporan lists. One kabupaten (the deployment): its
/// kecamatan. Several (national data, 7,000 kecamatan): the kabupaten, and the chosen region's
/// kabupaten's kecamatan under it, so the page stays small and a choice is two steps.
struct PemilihWilayah: Encodable {
    let label: String
    let semua: String
    let pilihan: [Pilihan]

    static func untuk(terpilih: String, l: Lingkungan) async throws -> PemilihWilayah {
        let (kabupaten, kecamatan) = try await LayananWilayah(l: l).pilihanFilter(terpilih: KodeWilayah(terpilih))
        guard kabupaten.count > 1 else {
            return PemilihWilayah(label: "Kecamatan", semua: "Semua kecamatan", pilihan: kecamatan.map { Pilihan(nilai: $0.kode.nilai, label: $0.nama) })
        }
        var pilihan: [Pilihan] = []
        for k in kabupaten {
            pilihan.append(Pilihan(nilai: k.kode.nilai, label: k.nama))
            if kecamatan.first?.kodeInduk == k.kode.nilai {
                pilihan += kecamatan.map { Pilihan(nilai: $0.kode.nilai, label: "— Kecamatan \($0.nama)") }
            }
        }
        return PemilihWilayah(label: "Wilayah", semua: "Semua wilayah", pilihan: pilihan)
    }
}
