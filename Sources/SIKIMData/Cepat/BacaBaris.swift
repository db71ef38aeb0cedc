import FluentKit
import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import SQLKit

extension Database {
    /// Runs a read and turns each row into a value as the database produces it, keeping only the
    /// values. Fluent's SQLite driver hands every row to the event loop as a task of its own (an
    /// eventfd write and a wake-up per row: most of a large read's time); a SQLite connection's
    /// own async query calls back on the thread that steps the statement.
    package func baris<T: Sendable>(_ sql: SQLQueryString, _ ubah: @escaping @Sendable (Baris) throws -> T?) async throws -> [T] {
        try await baris(ekspresi: sql, ubah)
    }

    package func baris<T: Sendable>(ekspresi: any SQLExpression, _ ubah: @escaping @Sendable (Baris) throws -> T?) async throws -> [T] {
        let hasil = NIOLockedValueBox(HasilBaris<T>())
        @Sendable func terima(_ b: Baris) {
            hasil.withLockedValue { h in
                guard h.galat == nil else { return }
                do { if let v = try ubah(b) { h.nilai.append(v) } } catch { h.galat = error as any Error & Sendable }
            }
        }
        if let sqlite = self as? any SQLiteDatabase {
            try await sqlite.withConnection { conn in
                let (teks, ikatan) = conn.sql().serialize(ekspresi)
                let encoder = SQLiteDataEncoder()
                try await conn.query(teks, try ikatan.map { try encoder.encode($0) }) { terima(Baris(sqlite: $0)) }
            }
        } else {
            try await (self as! any SQLDatabase).execute(sql: ekspresi) { terima(Baris(sql: $0)) }
        }
        return try hasil.withLockedValue { h in
            if let g = h.galat { throw g }
            return h.nilai
        }
    }
}

/// A row read by `Database.baris`. On SQLite a column becomes a value through the value type's
/// own conversion, chosen when compiling: SQLiteKit's decoder looks the type up at run time for
/// every value (a conformance check, and a decoder object for each optional), which was a tenth
/// of a laporan list's time. Other databases decode through SQLKit.
package struct Baris: Sendable {
    private let sqlite: SQLiteRow?
    private let sql: (any SQLRow)?

    package init(sqlite: SQLiteRow) { (self.sqlite, sql) = (sqlite, nil) }
    package init(sql: any SQLRow) { (sqlite, self.sql) = (nil, sql) }

    package func decode<T: Decodable & DariSQLite>(column: String, as: T.Type = T.self) throws -> T {
        guard let sqlite else { return try sql!.decode(column: column, as: T.self) }
        guard let data = sqlite.column(column) else { throw KolomTidakAda(kolom: column) }
        // Anything the direct conversion does not take gets SQLiteKit's decoder and its error.
        return try T(nilaiSQLite: data) ?? SQLiteDataDecoder().decode(T.self, from: data)
    }

    package struct KolomTidakAda: Error { let kolom: String }
}

/// Read straight from a SQLite value, by the same conversions SQLiteKit's decoder applies.
package protocol DariSQLite {
    init?(nilaiSQLite: SQLiteData)
}

extension String: DariSQLite { package init?(nilaiSQLite d: SQLiteData) { self.init(sqliteData: d) } }
extension Int: DariSQLite { package init?(nilaiSQLite d: SQLiteData) { self.init(sqliteData: d) } }
extension Double: DariSQLite { package init?(nilaiSQLite d: SQLiteData) { self.init(sqliteData: d) } }
extension Bool: DariSQLite { package init?(nilaiSQLite d: SQLiteData) { self.init(sqliteData: d) } }
extension Date: DariSQLite { package init?(nilaiSQLite d: SQLiteData) { self.init(sqliteData: d) } }

extension UUID: DariSQLite {
    /// Fluent stores a UUID as its text.
    package init?(nilaiSQLite d: SQLiteData) {
        guard case .text(let s) = d else { return nil }
        self.init(teks: s)
    }

    /// From its 36-character text in either case, as `init(uuidString:)` accepts it, digit by
    /// digit: Foundation's parser calls `sscanf` for every byte, a thirtieth of a list's time.
    package init?(teks: some StringProtocol) {
        var u: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let sah = withUnsafeMutableBytes(of: &u) { b -> Bool in
            var i = 0, n = 0
            for c in teks.utf8 {
                defer { i += 1 }
                if i == 8 || i == 13 || i == 18 || i == 23 {
                    guard c == UInt8(ascii: "-") else { return false }
                    continue
                }
                let v: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
                default: return false
                }
                guard n < 32 else { return false }
                b[n / 2] |= n % 2 == 0 ? v << 4 : v
                n += 1
            }
            return i == 36 && n == 32
        }
        guard sah else { return nil }
        self.init(uuid: u)
    }
}

extension Optional: DariSQLite where Wrapped: DariSQLite {
    package init?(nilaiSQLite d: SQLiteData) {
        if case .null = d { self = .none; return }
        guard let w = Wrapped(nilaiSQLite: d) else { return nil }
        self = .some(w)
    }
}

/// The values read so far, or the first error turning a row into one.
private struct HasilBaris<T: Sendable>: Sendable {
    var nilai: [T] = []
    var galat: (any Error & Sendable)?
}
