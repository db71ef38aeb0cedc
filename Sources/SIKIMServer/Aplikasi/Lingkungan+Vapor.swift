import SIKIMCore
import SIKIMData
import Vapor

// Where a request, a command or a background job gets its `Lingkungan`.

extension Application {
    /// For commands and background work: the default database and the application's logger.
    var lingkungan: Lingkungan {
        Lingkungan(db: db, dbHitung: dbHitung, jam: jam, konfigurasi: sikim, cache: cacheServer, sinyal: sinyal, gerbang: gerbangTulis,
                   penyandi: penyandi, logger: logger)
    }
}

extension Request {
    /// The request's own connection and logger.
    var lingkungan: Lingkungan {
        Lingkungan(db: db, dbHitung: dbHitung, jam: application.jam, konfigurasi: application.sikim, cache: application.cacheServer,
                   sinyal: application.sinyal, gerbang: application.gerbangTulis, penyandi: application.penyandi, logger: logger)
    }
}
