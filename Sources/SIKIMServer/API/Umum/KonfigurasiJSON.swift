import Foundation
import SIKIMData
import SIKIMCore
import Vapor

// API shapes, kept apart from the Fluent models. Keys become snake_case in JSON.

extension ContentConfiguration {
    /// JSON in snake_case, times in ISO 8601 with the WIB offset.
    static func sikim() -> ContentConfiguration {
        let enc = JSONEncoder()
        enc.keyEncodingStrategy = .convertToSnakeCase
        enc.dateEncodingStrategy = .custom { d, e in
            var c = e.singleValueContainer()
            try c.encode(TanggalIndonesia.iso8601(d))
        }
        // Inputs name their snake_case keys explicitly, so one type decodes both JSON and
        // HTML form bodies; a key strategy here would rename keys before they are matched.
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .iso8601
        var cfg = ContentConfiguration.default()
        cfg.use(encoder: enc, for: .json)
        cfg.use(decoder: dec, for: .json)
        return cfg
    }
}
