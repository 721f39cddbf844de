# Sources of the REST control-plane client (NoLagApi), relative to libnolag-qt/.
set(NOLAGQT_API_HEADERS
    include/NoLagQt/nolagapi.h
    include/NoLagQt/nolagapierror.h
    include/NoLagQt/nolagapimodels.h
    include/NoLagQt/nolagapireply.h
    include/NoLagQt/nolagapitypes.h
)
set(NOLAGQT_API_SOURCES
    src/api/nolagapi.cpp
    src/api/nolagapi_p.h
    src/api/nolagapiendpoints.cpp
    src/api/nolagapierror.cpp
    src/api/nolagapimodels.cpp
    src/api/nolagapireply.cpp
    src/api/nolagapireply_p.h
    src/api/nolagapitypes.cpp
)
