# Sources of the REST control-plane client (NoLagApi), relative to libnolag-qt/.
set(NOLAGQT_API_HEADERS
)
set(NOLAGQT_API_SOURCES
)
