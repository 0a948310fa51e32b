"""Site search: a Pagefind index written next to a built site (``site/pagefind/``).

Pagefind splits its index into small chunks, so a reader downloads only the chunks for the words
typed (well under 1 MB before the first result, even at 10,000 units), where Material's lunr search
downloads and builds the whole index first. It runs after any builder: the MkDocs hook's
``on_post_build`` and ``jinglao search-index 网站文件夹`` (the Zensical path) call ``index_site``.
"""
