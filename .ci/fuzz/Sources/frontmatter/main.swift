import DossierCore
import FuzzDriver

FuzzDriver.run(text: FuzzTargets.frontMatter)
