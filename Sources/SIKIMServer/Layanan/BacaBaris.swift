import FluentKit
import FluentSQLiteDriver
import NIOConcurrencyHelpers
import SQLKit

extension Database {
    /// Runs a read and turns each row into a value as the database produces it, keeping only the
    /// values. Fluent's SQLite driver hands every row to the event loop as a task of its own (an
    /// eventfd write and a wake-up per row: most of a large read's time); a SQLite connection's
    /// own async query calls back on the thread that steps the statement.
    func baris<T: Sendable>(_ sql: SQLQueryString, _ ubah: @escaping @Sendable (any SQLRow) throws -> T?) async throws -> [T] {
        try await baris(ekspresi: sql, ubah)
    }

    func baris<T: Sendable>(ekspresi: any SQLExpression, _ ubah: @escaping @Sendable (any SQLRow) throws -> T?) async throws -> [T] {
        let hasil = NIOLockedValueBox(HasilBaris<T>())
        let terima: @Sendable (any SQLRow) -> Void = { r in
            hasil.withLockedValue { h in
                guard h.galat == nil else { return }
                do { if let v = try ubah(r) { h.nilai.append(v) } } catch { h.galat = error }
            }
        }
        if let sqlite = self as? any SQLiteDatabase {
            try await sqlite.withConnection { try await $0.sql().execute(sql: ekspresi, terima) }
        } else {
            try await (self as! any SQLDatabase).execute(sql: ekspresi, terima)
        }
        return try hasil.withLockedValue { h in
            if let g = h.galat { throw g }
            return h.nilai
        }
    }
}

/// The values read so far, or the first error turning a row into one.
private struct HasilBaris<T> {
    var nilai: [T] = []
    var galat: (any Error)?
}
