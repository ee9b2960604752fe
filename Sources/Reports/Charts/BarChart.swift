import Mustache

/// A horizontal bar chart drawn as inline SVG by the `chart` template: per row, the first series is
/// drawn as a wide light bar (e.g. the frame) and the second as a narrow dark bar over it (e.g.
/// what was allocated).
struct BarChart {
  struct Series {
    var label: String
    var color: String
  }

  struct Row {
    var label: String
    /// One value per series.
    var values: [Double]
    /// Printed after the bars.
    var valueText: String
  }

  var heading: String
  var series: [Series]
  var rows: [Row]

  // Geometry, in pixels.
  static let labelWidth = 230.0
  static let barArea = 300.0
  static let rowHeight = 24.0
  static let top = 26.0

  /// What the `chart` template draws: numbers are rounded to a tenth of a pixel, so output is stable.
  struct Context {
    struct Legend {
      var x: String, textX: String, color: String, label: String
    }
    struct Bar {
      var x: String, y: String, width: String, height: String, color: String, title: String
    }
    struct RowContext {
      var label: String, labelX: String, labelY: String, bars: [Bar], value: String, valueX: String
    }
    var heading: String
    var width: String
    var height: String
    var legend: [Legend]
    var rows: [RowContext]
  }

  var context: Context {
    let largest = max(rows.flatMap(\.values).max() ?? 0, 1)
    func px(_ value: Double) -> String { String(format: "%.1f", value) }
    var legendX = 0.0
    let legend = series.map { item -> Context.Legend in
      defer { legendX += 28 + Double(item.label.count) * 7.5 }
      return Context.Legend(x: px(legendX), textX: px(legendX + 16), color: item.color, label: item.label)
    }
    let contexts = rows.enumerated().map { position, row -> Context.RowContext in
      let y = Self.top + Double(position) * Self.rowHeight
      let bars = row.values.enumerated().map { index, value -> Context.Bar in
        let inset = index == 0 ? 2.0 : 7.0
        return Context.Bar(
          x: px(Self.labelWidth), y: px(y + inset), width: px(max(value, 0) / largest * Self.barArea),
          height: px(Self.rowHeight - 2 * inset), color: series[min(index, series.count - 1)].color,
          title: series[min(index, series.count - 1)].label)
      }
      let longest = (row.values.max() ?? 0) / largest * Self.barArea
      return Context.RowContext(
        label: row.label.count > 36 ? row.label.prefix(35) + "…" : row.label, labelX: px(Self.labelWidth - 6),
        labelY: px(y + Self.rowHeight / 2 + 4), bars: bars, value: row.valueText,
        valueX: px(Self.labelWidth + longest + 6))
    }
    return Context(
      heading: heading, width: px(Self.labelWidth + Self.barArea + 130), height: px(Self.top + Double(rows.count) * Self.rowHeight + 4),
      legend: legend, rows: contexts)
  }
}
