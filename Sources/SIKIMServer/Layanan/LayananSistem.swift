import SIKIMData

/// Whether the server can serve: its database answers and its storage keeps writes.
struct LayananSistem {
    let l: Lingkungan
    let penyimpanan: Penyimpanan

    enum Keadaan: Equatable {
        case sehat
        case penyimpanan(Penyimpanan.Masalah)
        case basisDataTidakTerhubung
    }

    func periksa() async -> Keadaan {
        if let m = penyimpanan.masalah() { return .penyimpanan(m) }
        do {
            try await RepositoriWilayah(db: l.db).periksa()
            return .sehat
        } catch {
            l.logger.report(error: error)
            return .basisDataTidakTerhubung
        }
    }
}
