import DossierCore
import FuzzDriver

FuzzDriver.run(bytes: FuzzTargets.splitter)
