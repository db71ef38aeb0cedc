import FluentKit
import Foundation
import Logging
import SIKIMCore
import SIKIMData

/// What the use cases need of the running application, as one value passed to each service:
/// a service never holds a request, and a command or a background job builds one the same
/// way a request does (ARSITEKTUR, "Layanan").
struct Lingkungan: Sendable {
    let db: any Database
    /// Long reads (the dashboard's figures, the periodic checks): SQLite connections of their own.
    let dbHitung: any Database
    let jam: Jam
    let konfigurasi: Konfigurasi
    let cache: CacheServer
    /// Where writes announce what they changed, and the caches listen (`SinyalPerubahan`).
    let sinyal: SinyalPerubahan
    let gerbang: GerbangTulis
    let penyandi: Penyandi
    let logger: Logger

    var sekarang: Date { jam.sekarang() }
    var hariIni: Tanggal { Tanggal(jam.sekarang()) }
}

extension Lingkungan {
    /// The same, on another connection: inside a transaction, its connection.
    func dengan(db lain: any Database) -> Lingkungan {
        Lingkungan(db: lain, dbHitung: dbHitung, jam: jam, konfigurasi: konfigurasi, cache: cache, sinyal: sinyal, gerbang: gerbang,
                   penyandi: penyandi, logger: logger)
    }
}

/// Who acts, as the use cases record it: the policy's view and the name kept in histories.
struct Pelaku: Sendable {
    let aktor: Aktor
    let nama: String
}
