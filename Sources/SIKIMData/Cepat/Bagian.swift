extension Array {
    /// Consecutive parts of at most `ukuran` elements: statements stay within the databases'
    /// limits on bound parameters (32,766 on SQLite, 65,535 on PostgreSQL).
    package func bagian(_ ukuran: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: ukuran).map { self[$0..<Swift.min($0 + ukuran, count)] }
    }

    /// One query per part of at most `ukuran` values, results joined in order: an `IN` list
    /// over a whole area's KIMs or a month's laporan works at any scale.
    package func perBagian<T>(_ ukuran: Int = 1_000, _ ambil: ([Element]) async throws -> [T]) async throws -> [T] {
        var hasil: [T] = []
        for b in bagian(ukuran) { hasil += try await ambil(Array(b)) }
        return hasil
    }
}
