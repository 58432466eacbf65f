"""Rendering: Jinja templates → light block markup → .docx / Markdown / HTML (and PDF).

The flow (see docs/documents.md, "Reports, plans and other documents"):

* :mod:`sprintkit.render.context` builds a plain-data template context from sprints;
* :mod:`sprintkit.render.environment` renders a Jinja template (sandboxed, strict) to markup;
* :mod:`sprintkit.render.markup` parses that markup into blocks;
* :mod:`sprintkit.render.to_docx`, :mod:`~sprintkit.render.to_markdown`,
  :mod:`~sprintkit.render.to_html` write the blocks; :mod:`~sprintkit.render.to_pdf` converts
  a .docx with LibreOffice; :mod:`~sprintkit.render.charts` draws the charts.

Nothing heavy is imported here.
"""
