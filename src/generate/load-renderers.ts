import type { ReportRenderers } from './prepare-report.js';

/**
 * Vega, resvg, fontkit and Handlebars: imported only once a report is sure to be made. The Office writers
 * (pptxgenjs, exceljs: a third of a second to load) only when a deck or workbook is asked for.
 */
export async function loadRenderers(templateDir: string | undefined): Promise<ReportRenderers> {
  const [chart, charts, specs, html, markdown, templates] = await Promise.all([
    import('../charts/render-chart.js'),
    import('../charts/render-report-charts.js'),
    import('../charts/report-charts.js'),
    import('../render/render-report-html.js'),
    import('../render/render-report-markdown.js'),
    import('../io/load-report-templates.js'),
  ]);
  const loaded = await templates.loadReportTemplates(templateDir);
  return {
    charts: async (result) => charts.renderReportCharts(specs.buildReportCharts(result), { png: false }),
    png: (svg) => chart.renderChartPngAsync(svg),
    html: (sources) => html.renderReportHtml(sources, loaded),
    markdown: markdown.renderReportMarkdown,
    deck: async (sources) =>
      (await import('../deck/render-deck.js')).renderDeck(sources, chart.renderChartPng),
    workbook: async (sources) =>
      (await import('../workbook/write-tco-workbook.js')).writeTcoWorkbook(
        sources.result,
        sources.stamp.date,
      ),
  };
}
