"""The user guides shipped with the app (``reviewer/resources/guides/<lang>/<doc>.md``): read and
parsed here (:mod:`.source`), rendered for the in-app viewer (:mod:`.html`) and on paper. Qt-free."""
